//! Trusting exactly `PGSSLROOTCERT`'s certificates, as libpq does: a chain up to one of them,
//! or the server's certificate being one of them. OpenSSL accepts the second even when that
//! certificate is marked as an authority, and webpki does not; yet that is what
//! `openssl req -x509` makes by default, as in PostgreSQL's own recipe for a self-signed
//! server certificate.

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{WebPkiServerVerifier, verify_server_name};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::server::ParsedCertificate;
use rustls::{CertificateError, DigitallySignedStruct, Error, RootCertStore, SignatureScheme};
use x509_cert::der::Decode;

#[derive(Debug)]
pub(super) struct Pinned {
    chains: Arc<WebPkiServerVerifier>,
    trusted: Vec<CertificateDer<'static>>,
}

impl Pinned {
    /// Refuses a certificate that cannot be a trust anchor, with the reason.
    pub(super) fn new(
        trusted: Vec<CertificateDer<'static>>,
        provider: Arc<CryptoProvider>,
    ) -> Result<Pinned, String> {
        let mut roots = RootCertStore::empty();
        for certificate in &trusted {
            roots.add(certificate.clone()).map_err(|e| e.to_string())?;
        }
        let chains = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Pinned { chains, trusted })
    }
}

impl ServerCertVerifier for Pinned {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        let chained = self.chains.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        );
        let itself = self
            .trusted
            .iter()
            .any(|trusted| trusted.as_ref() == end_entity.as_ref());
        match chained {
            Err(_) if itself => {
                trusted_as_itself(end_entity, server_name, now)?;
                Ok(ServerCertVerified::assertion())
            }
            chained => chained,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.chains.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.chains.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.chains.supported_verify_schemes()
    }
}

/// What is left to check of a certificate trusted as itself: its name and its dates.
fn trusted_as_itself(
    certificate: &CertificateDer<'_>,
    server_name: &ServerName<'_>,
    now: UnixTime,
) -> Result<(), Error> {
    verify_server_name(&ParsedCertificate::try_from(certificate)?, server_name)?;
    let parsed = x509_cert::Certificate::from_der(certificate)
        .map_err(|_| Error::InvalidCertificate(CertificateError::BadEncoding))?;
    let validity = parsed.tbs_certificate.validity;
    let now = now.as_secs();
    if now < validity.not_before.to_unix_duration().as_secs() {
        return Err(CertificateError::NotValidYet.into());
    }
    if now > validity.not_after.to_unix_duration().as_secs() {
        return Err(CertificateError::Expired.into());
    }
    Ok(())
}

#[cfg(test)]
pub(super) mod tests {
    use std::time::Duration;

    use rustls::pki_types::pem::PemObject;

    use super::*;

    /// Made once with `openssl` (keys thrown away), valid 2026-11-30 to 2126: an authority,
    /// a `localhost` certificate it signed, and a self-signed `localhost` certificate marked
    /// as an authority, as `openssl req -x509` makes them.
    pub(crate) fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/tls/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(path).unwrap()
    }

    fn cert(name: &str) -> CertificateDer<'static> {
        CertificateDer::from_pem_slice(&fixture(name)).unwrap()
    }

    fn pinned(names: &[&str]) -> Pinned {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        Pinned::new(names.iter().map(|n| cert(n)).collect(), provider).unwrap()
    }

    fn verify(pinned: &Pinned, presented: &str, host: &str, year: u64) -> Result<(), Error> {
        let host = ServerName::try_from(host.to_owned()).unwrap();
        // Close enough to 1 January of `year` for certificates valid for a century.
        let now = UnixTime::since_unix_epoch(Duration::from_secs((year - 1970) * 31_557_600));
        pinned
            .verify_server_cert(&cert(presented), &[], &host, &[], now)
            .map(|_| ())
    }

    #[test]
    fn a_certificate_signed_by_a_trusted_authority_is_accepted_for_its_name_only() {
        let ca = pinned(&["ca.crt"]);
        verify(&ca, "localhost.crt", "localhost", 2027).unwrap();
        let err = verify(&ca, "localhost.crt", "db.example.org", 2027).unwrap_err();
        assert!(err.to_string().contains("not valid for name"), "{err}");
    }

    #[test]
    fn a_trusted_self_signed_authority_is_accepted_as_the_servers_certificate() {
        let itself = pinned(&["self-signed.crt"]);
        verify(&itself, "self-signed.crt", "localhost", 2027).unwrap();
        let both = pinned(&["ca.crt", "self-signed.crt"]);
        verify(&both, "self-signed.crt", "localhost", 2027).unwrap();
        verify(&both, "localhost.crt", "localhost", 2027).unwrap();
    }

    #[test]
    fn a_trusted_self_signed_certificate_still_needs_its_name_and_dates() {
        let itself = pinned(&["self-signed.crt"]);
        let err = verify(&itself, "self-signed.crt", "db.example.org", 2027).unwrap_err();
        assert!(err.to_string().contains("not valid for name"), "{err}");
        let err = verify(&itself, "self-signed.crt", "localhost", 2200).unwrap_err();
        assert_eq!(err, CertificateError::Expired.into());
        let err = verify(&itself, "self-signed.crt", "localhost", 2020).unwrap_err();
        assert_eq!(err, CertificateError::NotValidYet.into());
    }

    #[test]
    fn a_certificate_that_cannot_be_an_anchor_is_refused_up_front() {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let not_der = CertificateDer::from(vec![0x30, 0x03, 0x02, 0x01, 0x00]);
        assert!(Pinned::new(vec![not_der], provider).is_err());
    }

    #[test]
    fn a_certificate_not_trusted_is_refused() {
        let ca = pinned(&["ca.crt"]);
        assert!(verify(&ca, "self-signed.crt", "localhost", 2027).is_err());
        let itself = pinned(&["self-signed.crt"]);
        assert!(verify(&itself, "localhost.crt", "localhost", 2027).is_err());
    }
}
