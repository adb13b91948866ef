//! The hub's TLS: rustls (pure Rust, linked in, so no OpenSSL for the loader at every start),
//! verifying the server's certificate against the system's authorities or, as libpq does,
//! only against `PGSSLROOTCERT`'s when it is set.

mod pinned;

use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use rustls::{ClientConfig, RootCertStore};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::error::HubError;
use pinned::Pinned;

/// What `postgres` connects through when TLS can be used.
pub(super) fn connector() -> Result<MakeRustlsConnect, HubError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| HubError::Tls {
            hub: String::new(),
            cause: e.to_string(),
        })?;
    let config = match std::env::var_os("PGSSLROOTCERT").filter(|p| !p.is_empty()) {
        Some(path) => {
            let path = Path::new(&path);
            let bad = |cause: String| HubError::RootCert {
                path: path.display().to_string(),
                cause,
            };
            let pem = std::fs::read(path).map_err(|e| bad(e.to_string()))?;
            let verifier = certificates_in(&pem)
                .and_then(|trusted| Pinned::new(trusted, provider))
                .map_err(bad)?;
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(verifier))
        }
        None => builder.with_root_certificates(system_roots()),
    };
    Ok(MakeRustlsConnect::new(config.with_no_client_auth()))
}

/// The system's authorities (`SSL_CERT_FILE` and `SSL_CERT_DIR` as OpenSSL reads them, else
/// the distribution's bundle). As with OpenSSL, what cannot be read is passed over: with no
/// authority at all the handshake fails, and that message points at `PGSSLROOTCERT`.
fn system_roots() -> RootCertStore {
    let mut roots = RootCertStore::empty();
    roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
    roots
}

/// Every certificate in a PEM file (libpq trusts them all); other sections, such as a key
/// kept in the same file, are passed over. A file with no certificate is refused here rather
/// than at the handshake, where it would look like the hub's fault.
fn certificates_in(pem: &[u8]) -> Result<Vec<CertificateDer<'static>>, String> {
    let certificates = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("not PEM: {e}"))?;
    match certificates.is_empty() {
        true => Err("it holds no certificate".to_owned()),
        false => Ok(certificates),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_without_a_certificate_is_refused() {
        assert_eq!(certificates_in(b"").unwrap_err(), "it holds no certificate");
        let key_only = b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
        assert_eq!(
            certificates_in(key_only).unwrap_err(),
            "it holds no certificate"
        );
    }

    #[test]
    fn every_certificate_in_the_file_is_read() {
        let mut two = pinned::tests::fixture("ca.crt");
        two.extend(pinned::tests::fixture("self-signed.crt"));
        assert_eq!(certificates_in(&two).unwrap().len(), 2);
    }

    #[test]
    fn a_section_that_is_not_base64_is_refused() {
        let broken = b"-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n";
        let err = certificates_in(broken).unwrap_err();
        assert!(err.starts_with("not PEM"), "{err}");
    }
}
