#!/bin/sh
# The seed's production gate (production.gate) decided by `relkit gate` on the
# reports of two pipelines (reports/pass, reports/fail; reports/PROVENANCE.md
# says which tool wrote each). Prints each verdict, one reason a line, and the
# exit status; both runs are deterministic (--now fixed, no clock is read).
#   sh production_gate.sh path/to/relkit
set -u
relkit=${1:?usage: production_gate.sh RELKIT}
cd "$(dirname "$0")" || exit 2

# gate DIR NOW AUTHOR SCANNER: the gate on the reports of DIR, SCANNER (trivy or
# grype) naming the vulnerability report DIR/SCANNER.json.
gate() {
  "$relkit" gate production.gate --now "$2" --author "$3" \
    --coverage "$1/coverage.xml" --junit "smoke=$1/smoke.xml" "--$4" "$1/$4.json" \
    --prometheus "p95=$1/p95.json" --prometheus-baseline "p95=$1/p95-baseline.json" \
    --gitlab-approvals "$1/gitlab-approvals.json" --gitlab-jobs "$1/gitlab-jobs.json"
  echo "exit $?"
}

echo "== reports/pass (merge request by ann, approved by root)"
gate reports/pass 2017-03-17T02:00:00Z ann grype
echo
echo "== reports/fail (merge request by root, approved by root)"
gate reports/fail 2015-12-24T18:00:00Z root trivy
