#include "cli/catalog.hpp"

#include "tests/catch.hpp"

namespace interleave {
namespace {

RunParameters params(std::string algorithm) {
  return {.algorithm = std::move(algorithm)};
}

TEST_CASE("The catalog lists the mutual exclusion algorithms with their variants", "[cli]") {
  std::vector<std::string> names;
  for (const auto& a : catalog()) names.push_back(a.name);
  CHECK(names ==
        std::vector<std::string>{"ricart-agrawala", "central-server", "token-ring", "maekawa"});
  CHECK(find_algorithm("maekawa").variants.size() == 2);
  CHECK(find_algorithm("maekawa").variants[1].name == "optimised");
}

TEST_CASE("Every catalog entry builds with its defaults and declares the standard properties",
          "[cli]") {
  for (const auto& a : catalog()) {
    auto instance = make_instance(params(a.name));
    auto properties = instance.model->properties();
    REQUIRE(properties.size() == 4);
    CHECK(properties[0].name == "deadlock freedom");
    CHECK(properties[1].name == "well-formed");
    CHECK(properties[2].name == "mutual exclusion");
    CHECK(properties[3].kind == PropertyKind::Sometimes);
    CHECK(instance.run.algorithm == a.name);
    CHECK(instance.run.variant == "original");
  }
}

TEST_CASE("Bad parameters are BadInput with a message naming the problem", "[cli]") {
  auto with = [](auto change) {
    auto p = params("maekawa");
    change(p);
    return make_instance(p);
  };
  CHECK_THROWS_WITH(make_instance(params("paxos")), Catch::Contains("unknown algorithm 'paxos'"));
  CHECK_THROWS_WITH(with([](auto& p) { p.variant = "fast"; }),
                    Catch::Contains("unknown variant 'fast'"));
  CHECK_THROWS_WITH(with([](auto& p) { p.n = 1; }), Catch::Contains("--n must be at least 2"));
  CHECK_THROWS_WITH(with([](auto& p) { p.n = 17; }), Catch::Contains("between 2 and 16"));
  CHECK_THROWS_WITH(with([](auto& p) { p.sets = "1,2;2;3"; }),
                    Catch::Contains("V1 and V3 do not intersect"));
  CHECK_THROWS_WITH(with([](auto& p) { p.sets = "1,2;2,5"; }), Catch::Contains("names p5"));
  CHECK_THROWS_WITH(with([](auto& p) { p.semantics.max_crashes = 4; }),
                    Catch::Contains("--crashes"));
  CHECK_THROWS_WITH(with([](auto& p) { p.requests = -1; }), Catch::Contains("--requests"));
  auto ra = params("ricart-agrawala");
  ra.sets = "1,2;2,1";
  CHECK_THROWS_WITH(make_instance(ra), Catch::Contains("--sets does not apply to ricart-agrawala"));
  ra = params("ricart-agrawala");
  ra.n = 9;
  CHECK_THROWS_AS(make_instance(ra), BadInput);
}

TEST_CASE("Maekawa takes N from --sets when --n is not given", "[cli]") {
  auto p = params("maekawa");
  p.sets = "1,2;1,2";
  auto instance = make_instance(p);
  CHECK(instance.model->process_names().size() == 2);
  CHECK(instance.run.parameters[1] == std::pair<std::string, std::string>{"sets", "1,2;1,2"});
}

}  // namespace
}  // namespace interleave
