// Rust `semver` 1.0.14 (Debian's librust-semver-dev) on the inputs of relkit's
// benchmarks/semver_bench.cpp. Same harness as node_semver_bench.js: calibrate to ~20 ms,
// then ROUNDS rounds of ~ROUND_MS each, median ns/op; one JSON line per case.
//   cargo build --release --offline && PEERS_INPUTS=DIR semver_peer_bench [rounds] [round_ms]
// (DIR holds mix1000.txt and mix10000.txt, written by dump_inputs; run.sh does all this.)
// Cargo's range syntax has no `||` and joins comparators with commas, so or_xrange is
// two VersionReqs (">=1.2.7, <1.3.0" and "2.x"): parse = both parses, satisfies = a || b.
use semver::{Version, VersionReq};
use std::hint::black_box;
use std::time::Instant;

fn bench<F: FnMut() -> u64>(name: &str, per: f64, rounds: usize, round_ns: f64, mut f: F) {
    let mut sink = 0u64;
    let mut run = |iters: u64, sink: &mut u64| -> f64 {
        let t0 = Instant::now();
        for _ in 0..iters {
            *sink ^= black_box(f());
        }
        t0.elapsed().as_nanos() as f64
    };
    let mut iters = 1u64;
    while run(iters, &mut sink) < 20e6 {
        iters *= 2;
    }
    run(iters, &mut sink);
    let iters = ((iters as f64) * round_ns / 20e6).round().max(1.0) as u64;
    let mut ns: Vec<f64> = (0..rounds).map(|_| run(iters, &mut sink) / (iters as f64 * per)).collect();
    ns.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "{{\"name\":\"{}\",\"ns\":{:.2},\"min\":{:.2},\"max\":{:.2},\"rounds\":{},\"sink\":{}}}",
        name, ns[ns.len() / 2], ns[0], ns[ns.len() - 1], rounds, black_box(sink) & 1
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rounds: usize = args.get(1).map(|s| s.parse().unwrap()).unwrap_or(7);
    let round_ns: f64 = args.get(2).map(|s| s.parse::<f64>().unwrap()).unwrap_or(200.0) * 1e6;
    let dir = std::env::var("PEERS_INPUTS").unwrap_or_else(|_| ".".into());
    let read = |f: &str| -> Vec<String> {
        std::fs::read_to_string(format!("{}/{}", dir, f)).unwrap().lines().map(|s| s.to_string()).collect()
    };
    let mix1000 = read("mix1000.txt");
    let mix10000 = read("mix10000.txt");
    assert_eq!(mix1000.len(), 1000);
    assert_eq!(mix10000.len(), 10000);
    for s in &mix1000 {
        Version::parse(s).expect(s);
    }

    bench("ParseMix1000", 1000.0, rounds, round_ns, || {
        let mut n = 0u64;
        for s in &mix1000 {
            let v = Version::parse(black_box(s));
            n += v.is_ok() as u64;
            black_box(&v);
        }
        n
    });
    bench("ParseInvalid", 1.0, rounds, round_ns, || {
        let v = Version::parse(black_box("1.2.x-beta"));
        let r = v.is_err() as u64;
        black_box(&v);
        r
    });
    let a = Version::parse("1.2.3-alpha.1.beta.7").unwrap();
    let b = Version::parse("1.2.3-alpha.1.beta.10").unwrap();
    assert!(a < b);
    bench("CompareParsed", 1.0, rounds, round_ns, || black_box(&a).cmp(black_box(&b)) as i8 as u64);
    let c = Version::parse("1.2.3").unwrap();
    let d = Version::parse("1.2.4").unwrap();
    bench("CompareParsedPlain", 1.0, rounds, round_ns, || black_box(&c).cmp(black_box(&d)) as i8 as u64);
    bench("CompareStrings", 1.0, rounds, round_ns, || {
        match (Version::parse(black_box("1.2.3-rc.1")), Version::parse(black_box("1.2.3"))) {
            (Ok(x), Ok(y)) => x.cmp(&y) as i8 as u64,
            _ => 7,
        }
    });
    bench("Sort10kStrings(parse once, stable sort by Ord incl. build)", 10000.0, rounds, round_ns, || {
        let mut v: Vec<Version> = mix10000.iter().map(|s| Version::parse(s).unwrap()).collect();
        v.sort();
        black_box(v.as_ptr());
        v.len() as u64
    });

    bench("RangeParse/caret", 1.0, rounds, round_ns, || {
        let r = VersionReq::parse(black_box("^1.2.3"));
        let n = r.is_ok() as u64;
        black_box(&r);
        n
    });
    bench("RangeParse/or_xrange (two reqs: '>=1.2.7, <1.3.0' + '2.x')", 1.0, rounds, round_ns, || {
        let r1 = VersionReq::parse(black_box(">=1.2.7, <1.3.0"));
        let r2 = VersionReq::parse(black_box("2.x"));
        let n = (r1.is_ok() && r2.is_ok()) as u64;
        black_box(&r1);
        black_box(&r2);
        n
    });
    bench("RangeParse/tilde_pre", 1.0, rounds, round_ns, || {
        let r = VersionReq::parse(black_box("~1.2.3-beta.2"));
        let n = r.is_ok() as u64;
        black_box(&r);
        n
    });

    let caret = VersionReq::parse("^1.2.3").unwrap();
    let or1 = VersionReq::parse(">=1.2.7, <1.3.0").unwrap();
    let or2 = VersionReq::parse("2.x").unwrap();
    let tilde = VersionReq::parse("~1.2.3-beta.2").unwrap();
    let v_caret = Version::parse("1.8.0").unwrap();
    let v_or = Version::parse("2.4.1").unwrap();
    let v_tilde = Version::parse("1.2.3-beta.4").unwrap();
    assert!(caret.matches(&v_caret));
    assert!(!or1.matches(&v_or) && or2.matches(&v_or));
    assert!(tilde.matches(&v_tilde));
    bench("Satisfies/caret", 1.0, rounds, round_ns, || black_box(&caret).matches(black_box(&v_caret)) as u64);
    bench("Satisfies/or_xrange (a || b)", 1.0, rounds, round_ns, || {
        let v = black_box(&v_or);
        (black_box(&or1).matches(v) || black_box(&or2).matches(v)) as u64
    });
    bench("Satisfies/tilde_pre", 1.0, rounds, round_ns, || black_box(&tilde).matches(black_box(&v_tilde)) as u64);
}
