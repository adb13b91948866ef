//! The report in a real browser: headless Chromium (Debian's `chromium`, which `.ci/run`
//! installs) loads the page; any console message fails the test (a page without scripts
//! only logs errors: a blocked load, a malformed SVG attribute), and so does a chart missing
//! from the rendered DOM. Screenshots in light and dark schemes are kept in the test's temp
//! dir, or in `$FACTDECK_SCREENSHOTS` when set (how `docs/report*.png` are made).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::{CHARTS, studied};

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(name))
                .find(|p| p.is_file())
        })
    })
}

/// Runs headless Chromium on `page` with a fresh profile, and these extra arguments.
fn run(page: &Path, profile: &Path, extra: &[&str]) -> Output {
    let Some(chromium) = chromium() else {
        if std::env::var_os("FACTDECK_SKIP_BROWSER").is_some() {
            eprintln!("skipped: no chromium (FACTDECK_SKIP_BROWSER is set)");
            std::process::exit(0);
        }
        panic!(
            "the report's browser test needs Chromium: apt-get install chromium (.ci/run does), \
             or set FACTDECK_SKIP_BROWSER=1"
        );
    };
    Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap()
}

/// The console messages in Chromium's log.
fn console(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_page_renders_in_chromium_without_a_console_message_and_with_every_chart() {
    let (home, page) = studied();
    let dom = run(&page, &home.path().join("profile-dom"), &["--dump-dom"]);
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    assert_eq!(
        console(&dom),
        Vec::<String>::new(),
        "the console must stay silent"
    );
    let dom = String::from_utf8_lossy(&dom.stdout);
    for id in CHARTS {
        let start = dom
            .find(&format!("<section id=\"{id}\">"))
            .unwrap_or_else(|| panic!("{id} is missing from the rendered page"));
        let section = &dom[start..start + dom[start..].find("</section>").unwrap()];
        assert!(section.contains("<svg "), "{id}: no chart");
        let drawn = ["<rect", "<polyline", "<circle", "<line"]
            .iter()
            .map(|tag| section.matches(tag).count())
            .sum::<usize>();
        assert!(drawn >= 3, "{id}: an empty chart ({drawn} shapes)");
    }

    let shots = std::env::var_os("FACTDECK_SCREENSHOTS")
        .map_or_else(|| home.path().to_path_buf(), PathBuf::from);
    let pages = [
        ("report.png", "--window-size=1000,3400", None),
        (
            "report-dark.png",
            "--window-size=1000,1300",
            Some("--force-dark-mode"),
        ),
    ];
    for (name, size, scheme) in pages {
        let shot = shots.join(name);
        let mut args = vec![size.to_owned(), format!("--screenshot={}", shot.display())];
        args.extend(scheme.map(str::to_owned));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&page, &home.path().join(format!("profile-{name}")), &args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(console(&out), Vec::<String>::new());
        let size = std::fs::metadata(&shot).unwrap().len();
        assert!(size > 50_000, "{name}: {size} bytes, a blank page?");
    }
}

#[test]
fn the_console_check_catches_a_broken_page() {
    // The test above is only as good as its eye: a page that loads something from outside
    // and draws a broken SVG path must be caught.
    let dir = tempfile::TempDir::new().unwrap();
    let page = dir.path().join("broken.html");
    std::fs::write(
        &page,
        "<!doctype html><meta http-equiv=\"Content-Security-Policy\" content=\"default-src \
         'none'\"><img src=\"https://example.org/x.png\"><svg><path d=\"M 0 0 L x\"/></svg>",
    )
    .unwrap();
    let out = run(&page, &dir.path().join("profile"), &["--dump-dom"]);
    assert_eq!(console(&out).len(), 2, "{:?}", console(&out));
}
