#include "checker/search.hpp"

#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "checker/model.hpp"
#include "checker/replay.hpp"
#include "checker/result.hpp"
#include "models/codec.hpp"
#include "models/fields.hpp"
#include "models/step_record.hpp"
#include "models/text.hpp"
#include "properties/property.hpp"
#include "tests/catch.hpp"

namespace interleave {
namespace {

// ---------------------------------------------------------------------------------------------
// Toy models. Each is a small struct over a reflected state; ToyModel supplies everything but
// initial_states(), actions() and next(), so a model states only its transition relation (and,
// where it matters, its end states and fault actions).

enum class Move : std::uint8_t {
  Inc,
  Double,
  Stop,
  Left,
  Right,
  Up,
  Down,
  Work,
  Finish,
  Crash,
  Tick,
  Tock
};

std::string_view to_string(Move m) {
  switch (m) {
    case Move::Inc:
      return "inc";
    case Move::Double:
      return "double";
    case Move::Stop:
      return "stop";
    case Move::Left:
      return "left";
    case Move::Right:
      return "right";
    case Move::Up:
      return "up";
    case Move::Down:
      return "down";
    case Move::Work:
      return "work";
    case Move::Finish:
      return "finish";
    case Move::Crash:
      return "crash";
    case Move::Tick:
      return "tick";
    case Move::Tock:
      return "tock";
  }
  return "?";
}

template <class S>
struct ToyModel {
  using State = S;
  using Action = Move;

  std::vector<Property<S>> props;  // what properties() returns

  std::vector<Property<S>> properties() const { return props; }
  bool is_end_state(const S&) const { return false; }
  bool is_fault(const Move&) const { return false; }
  void encode(const S& s, Bytes& out) const { interleave::encode(s, out); }
  S decode(std::span<const std::uint8_t> in) const { return interleave::decode<S>(in); }
  std::vector<std::string> process_names() const { return {"p1"}; }
  StateRecord record_state(const S& s) const {
    StateRecord r;
    r.processes.push_back(field_texts(s));
    r.text = to_text(s);
    return r;
  }
  StepRecord record_step(const S& before, const Move& a, const S& after) const {
    StepRecord r;
    r.action = std::string(to_string(a));
    r.actor = 0;
    append_changes(0, field_texts(before), field_texts(after), r.changes);
    return r;
  }
};

struct Count {
  std::uint32_t n = 0;
  INTERLEAVE_FIELDS(n)
};

// 0 -> 1 -> ... -> limit: a path graph. Starts from each of `starts`.
struct Counter : ToyModel<Count> {
  std::uint32_t limit = 10;
  bool end_at_limit = true;
  std::vector<std::uint32_t> starts{0};

  std::vector<Count> initial_states() const {
    std::vector<Count> out;
    for (auto s : starts) out.push_back({s});
    return out;
  }
  void actions(const Count& s, std::vector<Move>& out) const {
    out.clear();
    if (s.n < limit) out.push_back(Move::Inc);
  }
  Count next(const Count& s, Move) const { return {s.n + 1}; }
  bool is_end_state(const Count& s) const { return end_at_limit && s.n == limit; }
};
static_assert(Model<Counter>);

// From 1, add one or double, staying within 1..limit: many paths of different lengths to a state.
struct AddOrDouble : ToyModel<Count> {
  std::uint32_t limit = 100;

  std::vector<Count> initial_states() const { return {Count{1}}; }
  void actions(const Count& s, std::vector<Move>& out) const {
    out.clear();
    if (s.n + 1 <= limit) out.push_back(Move::Inc);
    if (s.n * 2 <= limit) out.push_back(Move::Double);
  }
  Count next(const Count& s, Move m) const { return {m == Move::Inc ? s.n + 1 : s.n * 2}; }
  bool is_end_state(const Count& s) const { return s.n == limit; }
};
static_assert(Model<AddOrDouble>);

struct Cell {
  std::uint8_t x = 0;
  std::uint8_t y = 0;
  INTERLEAVE_FIELDS(x, y)
};

// A walk on a size x size grid from (0, 0), one step in any of four directions.
struct Grid : ToyModel<Cell> {
  std::uint8_t size = 5;

  std::vector<Cell> initial_states() const { return {Cell{}}; }
  void actions(const Cell& c, std::vector<Move>& out) const {
    out.clear();
    if (c.x > 0) out.push_back(Move::Left);
    if (c.x + 1 < size) out.push_back(Move::Right);
    if (c.y > 0) out.push_back(Move::Down);
    if (c.y + 1 < size) out.push_back(Move::Up);
  }
  Cell next(const Cell& c, Move m) const {
    Cell d = c;
    if (m == Move::Left) d.x = static_cast<std::uint8_t>(c.x - 1);
    if (m == Move::Right) d.x = static_cast<std::uint8_t>(c.x + 1);
    if (m == Move::Down) d.y = static_cast<std::uint8_t>(c.y - 1);
    if (m == Move::Up) d.y = static_cast<std::uint8_t>(c.y + 1);
    return d;
  }
};
static_assert(Model<Grid>);

struct Job {
  std::uint8_t phase = 0;  // 0 idle, 1 working, 2 finished
  bool crashed = false;
  INTERLEAVE_FIELDS(phase, crashed)
};

// work, then finish (if `can_finish`); a crash is possible in phases 0 and 1 and ends the run.
struct Worker : ToyModel<Job> {
  bool can_finish = false;
  bool crash_is_fault = true;

  std::vector<Job> initial_states() const { return {Job{}}; }
  void actions(const Job& j, std::vector<Move>& out) const {
    out.clear();
    if (j.crashed || j.phase == 2) return;
    if (j.phase == 0) out.push_back(Move::Work);
    if (j.phase == 1 && can_finish) out.push_back(Move::Finish);
    out.push_back(Move::Crash);
  }
  Job next(const Job& j, Move m) const {
    Job k = j;
    if (m == Move::Crash) k.crashed = true;
    if (m == Move::Work || m == Move::Finish) k.phase = static_cast<std::uint8_t>(j.phase + 1);
    return k;
  }
  bool is_end_state(const Job& j) const { return j.crashed || j.phase == 2; }
  bool is_fault(const Move& m) const { return crash_is_fault && m == Move::Crash; }
};
static_assert(Model<Worker>);

struct Level {
  bool high = false;
  INTERLEAVE_FIELDS(high)
};

// tick, tock, tick, ...: two states in a cycle.
struct Clock : ToyModel<Level> {
  std::vector<Level> initial_states() const { return {Level{}}; }
  void actions(const Level& l, std::vector<Move>& out) const {
    out.clear();
    out.push_back(l.high ? Move::Tock : Move::Tick);
  }
  Level next(const Level& l, Move) const { return {!l.high}; }
};
static_assert(Model<Clock>);

struct Run {
  std::uint32_t n = 0;
  bool stopped = false;
  INTERLEAVE_FIELDS(n, stopped)
};

// An unbounded counter that may stop at any point; a stopped state is a deadlock.
struct Stoppable : ToyModel<Run> {
  std::vector<Run> initial_states() const { return {Run{}}; }
  void actions(const Run& r, std::vector<Move>& out) const {
    out.clear();
    if (r.stopped) return;
    out.push_back(Move::Inc);
    out.push_back(Move::Stop);
  }
  Run next(const Run& r, Move m) const {
    return m == Move::Inc ? Run{r.n + 1, false} : Run{r.n, true};
  }
};
static_assert(Model<Stoppable>);

// ---------------------------------------------------------------------------------------------
// Helpers.

SearchOptions with(Strategy strategy) {
  SearchOptions o;
  o.strategy = strategy;
  return o;
}

std::string_view verdict(const SearchResult& r, std::string_view property) {
  const auto* p = r.find(property);
  REQUIRE(p != nullptr);
  return to_string(p->verdict);
}

const Trace& trace_of(const SearchResult& r, std::string_view property) {
  const auto* p = r.find(property);
  REQUIRE(p != nullptr);
  REQUIRE(p->trace.has_value());
  return *p->trace;
}

bool has_trace(const SearchResult& r, std::string_view property) {
  const auto* p = r.find(property);
  REQUIRE(p != nullptr);
  return p->trace.has_value();
}

std::string_view stop(const SearchResult& r) {
  return to_string(r.stop);
}

std::string final_text(const Trace& t) {
  return t.steps.empty() ? t.initial.text : t.steps.back().state.text;
}

// The trace's steps re-execute on the model to the same trace.
template <Model M>
void check_replays(const M& model, const Trace& t) {
  auto again = build_trace(model, t.replay_key(), t.property, t.kind);
  CHECK(again.replay_key() == t.replay_key());
  CHECK(again.length() == t.length());
  CHECK(again.initial_index == t.initial_index);
  CHECK(again.initial.text == t.initial.text);
  CHECK(final_text(again) == final_text(t));
  for (std::size_t i = 0; i < t.steps.size() && i < again.steps.size(); ++i) {
    CHECK(again.steps[i].step.action == t.steps[i].step.action);
    CHECK(again.steps[i].state.text == t.steps[i].state.text);
  }
}

// Brute force, independent of the engine: every reachable state's shortest distance from an
// initial state, and the number of edges out of reachable states.
// Keyed by the encoding as a string (std::map<Bytes, ...> trips GCC 12's false
// -Wstringop-overread in std::lexicographical_compare).
using Key = std::string;

template <Model M>
Key key_of(const M& model, const typename M::State& s) {
  Bytes b;
  model.encode(s, b);
  return Key(b.begin(), b.end());
}

template <Model M>
struct Reachable {
  std::unordered_map<Key, std::uint32_t> distance;
  std::unordered_map<Key, typename M::State> states;
  std::uint64_t transitions = 0;
  std::uint32_t max_distance = 0;
};

template <Model M>
Reachable<M> explore(const M& model) {
  Reachable<M> r;
  std::deque<typename M::State> todo;
  for (const auto& s : model.initial_states()) {
    auto b = key_of(model, s);
    if (r.distance.emplace(b, 0).second) {
      r.states.emplace(b, s);
      todo.push_back(s);
    }
  }
  std::vector<typename M::Action> actions;
  while (!todo.empty()) {
    auto s = todo.front();
    todo.pop_front();
    auto d = r.distance.at(key_of(model, s));
    model.actions(s, actions);
    for (const auto& a : actions) {
      ++r.transitions;
      auto t = model.next(s, a);
      auto c = key_of(model, t);
      if (r.distance.emplace(c, d + 1).second) {
        r.states.emplace(c, t);
        r.max_distance = std::max(r.max_distance, d + 1);
        todo.push_back(t);
      }
    }
  }
  return r;
}

template <Model M, class Predicate>
std::optional<std::uint32_t> shortest_distance(const M& model, Predicate predicate) {
  auto r = explore(model);
  std::optional<std::uint32_t> best;
  for (const auto& [bytes, state] : r.states) {
    if (!predicate(state)) continue;
    auto d = r.distance.at(bytes);
    if (!best || d < *best) best = d;
  }
  return best;
}

Counter counter(std::uint32_t limit, bool end_at_limit) {
  Counter c;
  c.limit = limit;
  c.end_at_limit = end_at_limit;
  return c;
}

// ---------------------------------------------------------------------------------------------

TEST_CASE("search: a bounded counter with a proper end state is deadlock-free", "[checker]") {
  auto strategy = GENERATE(Strategy::BreadthFirst, Strategy::DepthFirst);
  INFO("strategy " << to_string(strategy));
  auto model = counter(10, true);
  auto r = search(model, with(strategy));
  CHECK(r.strategy == strategy);
  CHECK(r.stats.states == 11);
  CHECK(r.stats.transitions == 10);
  CHECK(r.stats.max_depth == 10);
  CHECK(stop(r) == to_string(StopReason::Exhausted));
  REQUIRE(r.properties.size() == 1);
  CHECK(r.properties[0].name == kDeadlockFreedom);
  CHECK(r.properties[0].kind == PropertyKind::DeadlockFreedom);
  CHECK(verdict(r, kDeadlockFreedom) == "holds");
  CHECK_FALSE(has_trace(r, kDeadlockFreedom));
  CHECK(r.overall() == Verdict::Holds);
  CHECK(exit_code(r.overall()) == 0);
  CHECK(r.first_violation() == nullptr);
  CHECK(r.stats.bytes_per_state > 0);
}

TEST_CASE("search: a bounded counter without an end state deadlocks at its bound", "[checker]") {
  auto strategy = GENERATE(Strategy::BreadthFirst, Strategy::DepthFirst);
  INFO("strategy " << to_string(strategy));
  auto model = counter(10, false);
  auto r = search(model, with(strategy));
  CHECK(r.stats.states == 11);
  CHECK(r.stats.transitions == 10);
  CHECK(r.stats.max_depth == 10);
  CHECK(stop(r) == to_string(StopReason::Exhausted));
  CHECK(verdict(r, kDeadlockFreedom) == "violated");
  CHECK(r.overall() == Verdict::Violated);
  CHECK(exit_code(r.overall()) == 1);
  REQUIRE(r.first_violation() != nullptr);
  CHECK(r.first_violation()->name == kDeadlockFreedom);

  const auto& t = trace_of(r, kDeadlockFreedom);
  CHECK(t.kind == TraceKind::Deadlock);
  CHECK(t.property == kDeadlockFreedom);
  CHECK(t.length() == 10);
  CHECK(t.initial_index == 0);
  CHECK(t.initial.text == "{n=0}");
  CHECK(final_text(t) == "{n=10}");
  CHECK(t.processes == std::vector<std::string>{"p1"});
  for (const auto& step : t.steps) {
    CHECK(step.action_index == 0);
    CHECK(step.step.action == "inc");
  }
  REQUIRE(t.steps.size() == 10);
  REQUIRE(t.steps[0].step.changes.size() == 1);
  CHECK(t.steps[0].step.changes[0] == FieldChange{0, "n", "0", "1"});
  check_replays(model, t);
}

TEST_CASE("search: an invariant violated first at depth 7", "[checker]") {
  auto strategy = GENERATE(Strategy::BreadthFirst, Strategy::DepthFirst);
  INFO("strategy " << to_string(strategy));
  auto model = counter(10, true);
  model.props = {Property<Count>::always("never seven", [](const Count& c) { return c.n != 7; })};

  auto r = search(model, with(strategy));
  // Deadlock freedom stays undecided until the space is exhausted.
  CHECK(stop(r) == to_string(StopReason::Exhausted));
  CHECK(r.stats.states == 11);
  CHECK(r.stats.transitions == 10);
  REQUIRE(r.properties.size() == 2);
  CHECK(r.properties[1].name == "never seven");
  CHECK(r.properties[1].kind == PropertyKind::Always);
  CHECK(verdict(r, kDeadlockFreedom) == "holds");
  CHECK(verdict(r, "never seven") == "violated");
  CHECK(r.overall() == Verdict::Violated);
  REQUIRE(r.first_violation() != nullptr);
  CHECK(r.first_violation()->name == "never seven");

  const auto& t = trace_of(r, "never seven");
  CHECK(t.kind == TraceKind::InvariantViolation);
  CHECK(t.property == "never seven");
  CHECK(t.length() == 7);
  CHECK(final_text(t) == "{n=7}");
  CHECK(t.steps.back().state.processes.at(0) == FieldTexts{{"n", "7"}});
  CHECK(t.replay_key() == ReplayKey{0, {0, 0, 0, 0, 0, 0, 0}});
  check_replays(model, t);

  // A replay key that does not fit the model is refused.
  CHECK_THROWS_AS(build_trace(model, ReplayKey{0, {0, 1}}, "x", TraceKind::InvariantViolation),
                  ReplayError);
  CHECK_THROWS_AS(build_trace(model, ReplayKey{1, {}}, "x", TraceKind::InvariantViolation),
                  ReplayError);
}

TEST_CASE("search: an invariant violated in an initial state has an empty trace", "[checker]") {
  auto strategy = GENERATE(Strategy::BreadthFirst, Strategy::DepthFirst);
  auto model = counter(10, true);
  model.props = {Property<Count>::always("positive", [](const Count& c) { return c.n > 0; })};
  auto r = search(model, with(strategy));
  CHECK(verdict(r, "positive") == "violated");
  const auto& t = trace_of(r, "positive");
  CHECK(t.length() == 0);
  CHECK(t.initial.text == "{n=0}");
  CHECK(t.replay_key() == ReplayKey{0, {}});
}

TEST_CASE("search: several initial states, deduplicated, and traces from the right one",
          "[checker]") {
  auto strategy = GENERATE(Strategy::BreadthFirst, Strategy::DepthFirst);
  INFO("strategy " << to_string(strategy));
  auto model = counter(10, true);
  model.starts = {5, 0, 5};
  model.props = {Property<Count>::always("never seven", [](const Count& c) { return c.n != 7; }),
                 Property<Count>::always("never three", [](const Count& c) { return c.n != 3; })};
  auto r = search(model, with(strategy));
  CHECK(r.stats.states == 11);
  CHECK(r.stats.transitions == 10);
  CHECK(r.stats.max_depth == 5);
  CHECK(stop(r) == to_string(StopReason::Exhausted));

  const auto& seven = trace_of(r, "never seven");
  CHECK(seven.initial_index == 0);
  CHECK(seven.length() == 2);
  CHECK(seven.initial.text == "{n=5}");
  CHECK(final_text(seven) == "{n=7}");
  check_replays(model, seven);

  const auto& three = trace_of(r, "never three");
  CHECK(three.initial_index == 1);
  CHECK(three.length() == 3);
  CHECK(three.initial.text == "{n=0}");
  CHECK(final_text(three) == "{n=3}");
  check_replays(model, three);
}

TEST_CASE("search: breadth-first gives the shortest counterexample on a grid", "[checker]") {
  Grid model;
  auto at_target = [](const Cell& c) { return c.x == 3 && c.y == 2; };
  model.props = {
      Property<Cell>::always("avoid (3,2)", [=](const Cell& c) { return !at_target(c); })};

  auto shortest = shortest_distance(model, at_target);
  REQUIRE(shortest.has_value());
  CHECK(*shortest == 5);

  auto bfs = search(model, with(Strategy::BreadthFirst));
  CHECK(verdict(bfs, "avoid (3,2)") == "violated");
  const auto& bt = trace_of(bfs, "avoid (3,2)");
  CHECK(bt.length() == *shortest);
  CHECK(final_text(bt) == "{x=3, y=2}");
  check_replays(model, bt);

  auto dfs = search(model, with(Strategy::DepthFirst));
  CHECK(verdict(dfs, "avoid (3,2)") == "violated");
  const auto& dt = trace_of(dfs, "avoid (3,2)");
  CHECK(dt.length() >= *shortest);
  CHECK((dt.length() - *shortest) % 2 == 0);  // the grid is bipartite
  CHECK(final_text(dt) == "{x=3, y=2}");
  check_replays(model, dt);

  // The grid has no deadlock, so both searches exhaust it.
  for (const auto* r : {&bfs, &dfs}) {
    CHECK(r->stats.states == 25);
    CHECK(r->stats.transitions == 80);
    CHECK(stop(*r) == to_string(StopReason::Exhausted));
    CHECK(verdict(*r, kDeadlockFreedom) == "holds");
  }
  CHECK(bfs.stats.max_depth == 8);
}

TEST_CASE("search: breadth-first is shortest for every target of a branching model", "[checker]") {
  AddOrDouble model;
  auto reachable = explore(model);
  REQUIRE(reachable.states.size() == 100);

  // Breadth-first agrees with the brute-force distance for every state, and depth-first, while
  // it also finds each one, finds some by longer paths.
  bool dfs_longer_somewhere = false;
  for (std::uint32_t target = 1; target <= 100; ++target) {
    INFO("target " << target);
    AddOrDouble m = model;
    m.props = {Property<Count>::always("avoid", [=](const Count& c) { return c.n != target; })};
    auto expected = shortest_distance(m, [=](const Count& c) { return c.n == target; });
    REQUIRE(expected.has_value());

    auto bfs = search(m, with(Strategy::BreadthFirst));
    REQUIRE(verdict(bfs, "avoid") == "violated");
    CHECK(trace_of(bfs, "avoid").length() == *expected);
    CHECK(final_text(trace_of(bfs, "avoid")) == "{n=" + std::to_string(target) + "}");

    auto dfs = search(m, with(Strategy::DepthFirst));
    REQUIRE(verdict(dfs, "avoid") == "violated");
    const auto& dt = trace_of(dfs, "avoid");
    CHECK(dt.length() >= *expected);
    CHECK(final_text(dt) == "{n=" + std::to_string(target) + "}");
    dfs_longer_somewhere = dfs_longer_somewhere || dt.length() > *expected;
  }
  CHECK(dfs_longer_somewhere);

  auto seventy_five = shortest_distance(model, [](const Count& c) { return c.n == 75; });
  REQUIRE(seventy_five.has_value());
  CHECK(*seventy_five == 9);  // 1 2 4 8 9 18 36 37 74 75
}

TEST_CASE("search: a sometimes property", "[checker]") {
  auto strategy = GENERATE(Strategy::BreadthFirst, Strategy::DepthFirst);
  INFO("strategy " << to_string(strategy));
  auto model = counter(10, true);

  SECTION("holds with a witness when reachable") {
    model.props = {
        Property<Count>::sometimes("reaches five", [](const Count& c) { return c.n == 5; })};
    auto r = search(model, with(strategy));
    CHECK(verdict(r, "reaches five") == "holds");
    CHECK(r.properties[1].kind == PropertyKind::Sometimes);
    const auto& t = trace_of(r, "reaches five");
    CHECK(t.kind == TraceKind::Example);
    CHECK(t.length() == 5);
    CHECK(final_text(t) == "{n=5}");
    check_replays(model, t);
    CHECK(r.overall() == Verdict::Holds);
    CHECK(r.first_violation() == nullptr);
    CHECK(stop(r) == to_string(StopReason::Exhausted));
  }
  SECTION("violated when the space is exhausted without reaching it") {
    model.props = {
        Property<Count>::sometimes("reaches eleven", [](const Count& c) { return c.n == 11; })};
    auto r = search(model, with(strategy));
    CHECK(stop(r) == to_string(StopReason::Exhausted));
    CHECK(verdict(r, "reaches eleven") == "violated");
    CHECK_FALSE(has_trace(r, "reaches eleven"));
    CHECK(r.overall() == Verdict::Violated);
    CHECK(exit_code(r.overall()) == 1);
  }
  SECTION("incomplete when a state limit stops the search before") {
    model.props = {
        Property<Count>::sometimes("reaches eight", [](const Count& c) { return c.n == 8; })};
    auto options = with(strategy);
    options.max_states = 5;
    auto r = search(model, options);
    CHECK(stop(r) == to_string(StopReason::StateLimit));
    CHECK(verdict(r, "reaches eight") == "incomplete");
    CHECK(verdict(r, kDeadlockFreedom) == "incomplete");
    CHECK_FALSE(has_trace(r, "reaches eight"));
    CHECK(r.overall() == Verdict::Incomplete);
  }
  SECTION("incomplete when a depth limit stops the search before") {
    model.props = {
        Property<Count>::sometimes("reaches eight", [](const Count& c) { return c.n == 8; })};
    auto options = with(strategy);
    options.max_depth = 7;
    auto r = search(model, options);
    CHECK(stop(r) == to_string(StopReason::DepthLimit));
    CHECK(verdict(r, "reaches eight") == "incomplete");
    CHECK(r.overall() == Verdict::Incomplete);
  }
  SECTION("holds when reached within a depth limit") {
    model.props = {
        Property<Count>::sometimes("reaches eight", [](const Count& c) { return c.n == 8; })};
    auto options = with(strategy);
    options.max_depth = 8;
    auto r = search(model, options);
    CHECK(stop(r) == to_string(StopReason::DepthLimit));
    CHECK(verdict(r, "reaches eight") == "holds");
    CHECK(trace_of(r, "reaches eight").length() == 8);
    CHECK(verdict(r, kDeadlockFreedom) == "incomplete");
    CHECK(r.overall() == Verdict::Incomplete);
  }
}

TEST_CASE("search: a state limit", "[checker]") {
  auto strategy = GENERATE(Strategy::BreadthFirst, Strategy::DepthFirst);
  INFO("strategy " << to_string(strategy));

  SECTION("on a bounded counter") {
    auto model = counter(10, true);
    model.props = {Property<Count>::always("small", [](const Count& c) { return c.n < 100; })};
    auto options = with(strategy);
    options.max_states = 5;
    auto r = search(model, options);
    CHECK(stop(r) == to_string(StopReason::StateLimit));
    CHECK(r.stats.states == 5);
    CHECK(r.stats.transitions == 4);
    CHECK(r.stats.max_depth == 4);
    CHECK(verdict(r, kDeadlockFreedom) == "incomplete");
    CHECK(verdict(r, "small") == "incomplete");
    CHECK(r.overall() == Verdict::Incomplete);
    CHECK(exit_code(r.overall()) == 3);
  }
  SECTION("on an unbounded counter") {
    auto model = counter(std::numeric_limits<std::uint32_t>::max(), false);
    auto options = with(strategy);
    options.max_states = 1000;
    auto r = search(model, options);
    CHECK(stop(r) == to_string(StopReason::StateLimit));
    CHECK(r.stats.states == 1000);
    CHECK(r.stats.transitions == 999);
    CHECK(verdict(r, kDeadlockFreedom) == "incomplete");
    CHECK(r.overall() == Verdict::Incomplete);
    CHECK(exit_code(r.overall()) == 3);
  }
  SECTION("a limit above the state count does not stop an exhaustive search") {
    auto model = counter(10, true);
    auto options = with(strategy);
    options.max_states = 12;
    auto r = search(model, options);
    CHECK(stop(r) == to_string(StopReason::Exhausted));
    CHECK(r.stats.states == 11);
    CHECK(verdict(r, kDeadlockFreedom) == "holds");
  }
  SECTION("a violation found before the limit is still a violation") {
    auto model = counter(10, true);
    model.props = {Property<Count>::always("never two", [](const Count& c) { return c.n != 2; })};
    auto options = with(strategy);
    options.max_states = 5;
    auto r = search(model, options);
    CHECK(stop(r) == to_string(StopReason::StateLimit));
    CHECK(verdict(r, "never two") == "violated");
    CHECK(trace_of(r, "never two").length() == 2);
    CHECK(verdict(r, kDeadlockFreedom) == "incomplete");
    CHECK(r.overall() == Verdict::Violated);
    CHECK(exit_code(r.overall()) == 1);
  }
}

TEST_CASE("search: a depth limit", "[checker]") {
  auto strategy = GENERATE(Strategy::BreadthFirst, Strategy::DepthFirst);
  INFO("strategy " << to_string(strategy));

  SECTION("that cuts off states with successors") {
    auto model = counter(10, true);
    model.props = {Property<Count>::always("never seven", [](const Count& c) { return c.n != 7; })};
    auto options = with(strategy);
    options.max_depth = 5;
    auto r = search(model, options);
    CHECK(stop(r) == to_string(StopReason::DepthLimit));
    CHECK(r.stats.states == 6);
    CHECK(r.stats.transitions == 5);
    CHECK(r.stats.max_depth == 5);
    CHECK(verdict(r, kDeadlockFreedom) == "incomplete");
    CHECK(verdict(r, "never seven") == "incomplete");
    CHECK(r.overall() == Verdict::Incomplete);
    CHECK(exit_code(r.overall()) == 3);
  }
  SECTION("on an unbounded counter") {
    auto model = counter(std::numeric_limits<std::uint32_t>::max(), false);
    auto options = with(strategy);
    options.max_depth = 50;
    auto r = search(model, options);
    CHECK(stop(r) == to_string(StopReason::DepthLimit));
    CHECK(r.stats.states == 51);
    CHECK(r.stats.transitions == 50);
    CHECK(r.stats.max_depth == 50);
    CHECK(verdict(r, kDeadlockFreedom) == "incomplete");
    CHECK(exit_code(r.overall()) == 3);
  }
  SECTION("a cut-off state is still checked for deadlock") {
    auto model = counter(10, false);
    auto options = with(strategy);
    options.max_depth = 10;
    auto r = search(model, options);
    CHECK(stop(r) == to_string(StopReason::Exhausted));
    CHECK(verdict(r, kDeadlockFreedom) == "violated");
    CHECK(trace_of(r, kDeadlockFreedom).length() == 10);
  }
  SECTION("that the model's depth is within") {
    for (std::uint32_t depth : {10u, 11u, 1000u}) {
      INFO("max_depth " << depth);
      auto model = counter(10, true);
      auto options = with(strategy);
      options.max_depth = depth;
      auto r = search(model, options);
      CHECK(stop(r) == to_string(StopReason::Exhausted));
      CHECK(r.stats.states == 11);
      CHECK(r.stats.transitions == 10);
      CHECK(verdict(r, kDeadlockFreedom) == "holds");
      CHECK(r.overall() == Verdict::Holds);
      CHECK(exit_code(r.overall()) == 0);
    }
  }
}

TEST_CASE("search: breadth-first depth limit on a model whose depth is within it", "[checker]") {
  // The grid's states are all within 8 steps of (0, 0).
  Grid model;
  auto options = with(Strategy::BreadthFirst);
  options.max_depth = 7;
  auto r = search(model, options);
  CHECK(stop(r) == to_string(StopReason::DepthLimit));  // (4,4) is 8 steps away
  CHECK(r.stats.states == 24);
  options.max_depth = 8;
  r = search(model, options);
  // (4,4) at depth 8 has successors, but every one of them is already stored: nothing is cut.
  CHECK(stop(r) == to_string(StopReason::Exhausted));
  CHECK(r.stats.states == 25);
  options.max_depth = 9;
  r = search(model, options);
  CHECK(stop(r) == to_string(StopReason::Exhausted));
  CHECK(r.stats.states == 25);
  CHECK(r.stats.transitions == 80);
  CHECK(verdict(r, kDeadlockFreedom) == "holds");
}

TEST_CASE("search: a time limit on an unbounded model", "[checker]") {
  auto strategy = GENERATE(Strategy::BreadthFirst, Strategy::DepthFirst);
  INFO("strategy " << to_string(strategy));
  auto model = counter(std::numeric_limits<std::uint32_t>::max(), false);
  model.props = {Property<Count>::always("fits", [](const Count&) { return true; }),
                 Property<Count>::sometimes("never", [](const Count&) { return false; })};
  auto options = with(strategy);
  options.time_limit_seconds = 0.2;
  auto r = search(model, options);
  CHECK(stop(r) == to_string(StopReason::TimeLimit));
  CHECK(r.stats.seconds >= 0.2);
  CHECK(r.stats.seconds < 10);
  CHECK(r.stats.states > 256);
  CHECK(r.stats.transitions + 1 == r.stats.states);
  CHECK(verdict(r, kDeadlockFreedom) == "incomplete");
  CHECK(verdict(r, "fits") == "incomplete");
  CHECK(verdict(r, "never") == "incomplete");
  CHECK(r.overall() == Verdict::Incomplete);
  CHECK(exit_code(r.overall()) == 3);
}

TEST_CASE("search: fault actions do not rescue a deadlock", "[checker]") {
  auto strategy = GENERATE(Strategy::BreadthFirst, Strategy::DepthFirst);
  INFO("strategy " << to_string(strategy));

  SECTION("a working state whose only action is a crash deadlocks") {
    Worker model;
    auto r = search(model, with(strategy));
    // Deadlock freedom is the only property, so deciding it ends the search (with the crashed
    // states already stored but not yet expanded).
    CHECK(stop(r) == to_string(StopReason::AllDecided));
    CHECK(r.stats.states == 4);
    CHECK(r.stats.transitions == 3);
    auto options = with(strategy);
    options.stop_when_decided = false;
    r = search(model, options);
    CHECK(stop(r) == to_string(StopReason::Exhausted));
    // The fault action is still explored: both crashed states are reached.
    CHECK(r.stats.states == 4);
    CHECK(r.stats.transitions == 3);
    CHECK(verdict(r, kDeadlockFreedom) == "violated");
    const auto& t = trace_of(r, kDeadlockFreedom);
    CHECK(t.kind == TraceKind::Deadlock);
    CHECK(t.length() == 1);
    CHECK(t.steps.at(0).step.action == "work");
    CHECK(final_text(t) == "{phase=1, crashed=false}");
    check_replays(model, t);
  }
  SECTION("the same action, not a fault, is progress") {
    Worker model;
    model.crash_is_fault = false;
    auto r = search(model, with(strategy));
    CHECK(r.stats.states == 4);
    CHECK(r.stats.transitions == 3);
    CHECK(verdict(r, kDeadlockFreedom) == "holds");
  }
  SECTION("a fault beside a non-fault action is no deadlock") {
    Worker model;
    model.can_finish = true;
    auto r = search(model, with(strategy));
    CHECK(r.stats.states == 5);
    CHECK(r.stats.transitions == 4);
    CHECK(verdict(r, kDeadlockFreedom) == "holds");
    CHECK(r.overall() == Verdict::Holds);
  }
}

TEST_CASE("search: a two-state clock", "[checker]") {
  auto strategy = GENERATE(Strategy::BreadthFirst, Strategy::DepthFirst);
  INFO("strategy " << to_string(strategy));
  Clock model;
  model.props = {Property<Level>::sometimes("high", [](const Level& l) { return l.high; }),
                 Property<Level>::always("either", [](const Level&) { return true; })};
  auto r = search(model, with(strategy));
  CHECK(stop(r) == to_string(StopReason::Exhausted));
  CHECK(r.stats.states == 2);
  CHECK(r.stats.transitions == 2);
  CHECK(r.stats.max_depth == 1);
  CHECK(verdict(r, kDeadlockFreedom) == "holds");
  CHECK(verdict(r, "high") == "holds");
  CHECK(trace_of(r, "high").length() == 1);
  CHECK(trace_of(r, "high").steps.at(0).step.action == "tick");
  CHECK(verdict(r, "either") == "holds");
  CHECK(r.overall() == Verdict::Holds);
}

TEST_CASE("search: stop when every property is decided", "[checker]") {
  auto strategy = GENERATE(Strategy::BreadthFirst, Strategy::DepthFirst);
  INFO("strategy " << to_string(strategy));
  Stoppable model;
  model.props = {Property<Run>::always("below three", [](const Run& r) { return r.n < 3; }),
                 Property<Run>::sometimes("reaches two", [](const Run& r) { return r.n == 2; })};

  auto check_decided = [&](const SearchResult& r) {
    CHECK(verdict(r, kDeadlockFreedom) == "violated");
    CHECK(trace_of(r, kDeadlockFreedom).length() == 1);
    CHECK(final_text(trace_of(r, kDeadlockFreedom)) == "{n=0, stopped=true}");
    CHECK(verdict(r, "below three") == "violated");
    CHECK(trace_of(r, "below three").length() == 3);
    CHECK(final_text(trace_of(r, "below three")) == "{n=3, stopped=false}");
    CHECK(verdict(r, "reaches two") == "holds");
    CHECK(trace_of(r, "reaches two").kind == TraceKind::Example);
    CHECK(trace_of(r, "reaches two").length() == 2);
    CHECK(r.overall() == Verdict::Violated);
    CHECK(exit_code(r.overall()) == 1);
  };

  SECTION("stop_when_decided stops the unbounded search") {
    auto r = search(model, with(strategy));
    CHECK(stop(r) == to_string(StopReason::AllDecided));
    CHECK(r.stats.states == 7);
    CHECK(r.stats.transitions == 6);
    CHECK(r.stats.max_depth == 3);
    check_decided(r);
  }
  SECTION("without it, the search runs on to a limit") {
    auto options = with(strategy);
    options.stop_when_decided = false;
    options.max_states = 100;
    auto r = search(model, options);
    CHECK(stop(r) == to_string(StopReason::StateLimit));
    CHECK(r.stats.states >= 100);
    check_decided(r);
  }
  SECTION("an undecided property keeps it going") {
    model.props.push_back(Property<Run>::sometimes("never", [](const Run&) { return false; }));
    auto options = with(strategy);
    options.max_states = 100;
    auto r = search(model, options);
    CHECK(stop(r) == to_string(StopReason::StateLimit));
    CHECK(verdict(r, "never") == "incomplete");
    check_decided(r);
  }
}

TEST_CASE("search: breadth-first and depth-first agree on every exhausted model", "[checker]") {
  auto compare = [](const auto& model, std::uint64_t states, std::uint64_t transitions) {
    auto brute = explore(model);
    CHECK(brute.states.size() == states);
    CHECK(brute.transitions == transitions);
    auto options = with(Strategy::BreadthFirst);
    options.stop_when_decided = false;
    auto bfs = search(model, options);
    options.strategy = Strategy::DepthFirst;
    auto dfs = search(model, options);
    CHECK(stop(bfs) == to_string(StopReason::Exhausted));
    CHECK(stop(dfs) == to_string(StopReason::Exhausted));
    CHECK(bfs.stats.states == states);
    CHECK(dfs.stats.states == states);
    CHECK(bfs.stats.transitions == transitions);
    CHECK(dfs.stats.transitions == transitions);
    CHECK(bfs.stats.max_depth == brute.max_distance);
    CHECK(dfs.stats.max_depth >= brute.max_distance);
    REQUIRE(bfs.properties.size() == dfs.properties.size());
    for (std::size_t i = 0; i < bfs.properties.size(); ++i) {
      INFO("property " << bfs.properties[i].name);
      CHECK(bfs.properties[i].verdict == dfs.properties[i].verdict);
    }
  };

  SECTION("counter with an end") {
    compare(counter(10, true), 11, 10);
  }
  SECTION("counter without an end") {
    compare(counter(10, false), 11, 10);
  }
  SECTION("counter from several starts") {
    auto model = counter(10, true);
    model.starts = {5, 0, 5};
    compare(model, 11, 10);
  }
  SECTION("add or double") {
    AddOrDouble model;
    // 99 increments, and a doubling from each of 1..50.
    compare(model, 100, 149);
  }
  SECTION("grid") {
    Grid model;
    model.props = {Property<Cell>::always("avoid (3,2)",
                                          [](const Cell& c) { return !(c.x == 3 && c.y == 2); })};
    compare(model, 25, 80);
  }
  SECTION("grid 7x7") {
    Grid model;
    model.size = 7;
    compare(model, 49, 2 * 2 * 7 * 6);
  }
  SECTION("worker") {
    Worker model;
    compare(model, 4, 3);
    model.can_finish = true;
    compare(model, 5, 4);
  }
  SECTION("clock") {
    compare(Clock{}, 2, 2);
  }
}

}  // namespace
}  // namespace interleave
