// Plan the rename of users.name to users.full_name as an expand-contract
// migration and print its runbook: phases, SQL, allowed app versions,
// rollbacks and the point of no return.
#include <relkit/relkit.hpp>

#include <iostream>

int main() {
  namespace mig = relkit::migrations;
  const auto plan = mig::make_plan(mig::rename_column{"users", "name", "full_name", "text"});
  if (!plan) {
    std::cout << relkit::to_string(plan.error()) << '\n';
    return 1;
  }
  std::cout << mig::render(*plan);
}
