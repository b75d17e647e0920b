#include "models/async_system.hpp"

#include <array>
#include <set>

#include "properties/property.hpp"
#include "tests/catch.hpp"

namespace interleave {
namespace {

// A toy algorithm: p1 makes one multicast of three notes, two to p2 and one to p3; receivers
// record what they receive, in order.
struct Notes {
  struct Note {
    static constexpr std::string_view label = "note";
    std::uint8_t value = 0;
    auto operator<=>(const Note&) const = default;
    INTERLEAVE_FIELDS(value)
  };
  using Message = std::variant<Note>;
  struct Process {
    bool sent = true;
    std::vector<std::uint8_t> received;
    auto operator<=>(const Process&) const = default;
    INTERLEAVE_FIELDS(sent, received)
  };

  std::array<std::uint8_t, 3> notes{1, 2, 3};

  int process_count() const { return 3; }
  Process initial_process(ProcessId p) const { return {.sent = p.value() != 0}; }
  bool can_send(const Process& p) const { return !p.sent; }
  void send(Outbox<Message>& out, Process& p) const {
    p.sent = true;
    out.send(ProcessId{1}, Note{notes[0]});
    out.send(ProcessId{1}, Note{notes[1]});
    out.send(ProcessId{2}, Note{notes[2]});
  }
  std::span<const LocalStep<Notes>> local_steps() const {
    static constexpr std::array<LocalStep<Notes>, 1> steps{
        {{"Send", &Notes::can_send, &Notes::send}}};
    return steps;
  }
  void on_message(Outbox<Message>&, Process& p, ProcessId, const Message& m) const {
    p.received.push_back(std::get<Note>(m).value);
  }
  bool is_done(const Process&) const { return true; }
  template <class State>
  std::vector<Property<State>> properties() const {
    return {};
  }
};

using System = AsyncSystem<Notes>;

// Every reachable state, by plain exhaustive exploration.
std::vector<System::State> reachable(const System& system) {
  std::set<Bytes> seen;
  std::vector<System::State> states, todo = system.initial_states();
  std::vector<AsyncAction> actions;
  while (!todo.empty()) {
    auto s = todo.back();
    todo.pop_back();
    Bytes key;
    system.encode(s, key);
    if (!seen.insert(key).second) continue;
    states.push_back(s);
    system.actions(s, actions);
    for (const auto& a : actions) todo.push_back(system.next(s, a));
  }
  return states;
}

std::set<std::vector<std::uint8_t>> final_receipts_of_p2(const System& system) {
  std::set<std::vector<std::uint8_t>> out;
  for (const auto& s : reachable(system)) {
    if (s.network.empty() && !s.is_crashed(1) && s.processes[0].sent)
      out.insert(s.processes[1].received);
  }
  return out;
}

TEST_CASE("A bag network delivers a multicast's messages in any order", "[models]") {
  System system(Notes{}, {.network = NetworkKind::Bag});
  CHECK(final_receipts_of_p2(system) == std::set<std::vector<std::uint8_t>>{{1, 2}, {2, 1}});
}

TEST_CASE("A FIFO network delivers each pair's messages in send order", "[models]") {
  System system(Notes{}, {.network = NetworkKind::Fifo});
  CHECK(final_receipts_of_p2(system) == std::set<std::vector<std::uint8_t>>{{1, 2}});
}

TEST_CASE("Equal messages in flight in a bag are one receive action", "[models]") {
  System system(Notes{.notes = {7, 7, 3}}, {});
  auto s = system.next(system.initial_states()[0], {AsyncAction::Kind::Local, 0, 0});
  std::vector<AsyncAction> actions;
  system.actions(s, actions);
  CHECK(s.network.size() == 3);
  CHECK(actions.size() == 2);  // receive note(7) at p2, receive note(3) at p3
}

TEST_CASE("With crashes, a multicast may be cut after any proper non-empty subset of its sends",
          "[models]") {
  System system(Notes{}, {.max_crashes = 1});
  std::vector<AsyncAction> actions;
  auto initial = system.initial_states()[0];
  system.actions(initial, actions);
  // Send; Send cut short after each of the 6 proper non-empty subsets of 3 sends; crash p1..p3.
  REQUIRE(actions.size() == 1 + 6 + 3);
  CHECK(std::count_if(actions.begin(), actions.end(),
                      [](const auto& a) { return a.crash_within; }) == 6);
  CHECK(std::count_if(actions.begin(), actions.end(),
                      [&](const auto& a) { return system.is_fault(a); }) == 3);
  // escaped = 0b100: only the note to p3 reaches the network, and p1 is crashed.
  auto cut = *std::find_if(actions.begin(), actions.end(),
                           [](const auto& a) { return a.crash_within && a.escaped == 0b100; });
  auto s = system.next(initial, cut);
  CHECK(s.is_crashed(0));
  REQUIRE(s.network.size() == 1);
  CHECK(s.network[0].to == ProcessId{2});
  auto record = system.record_step(initial, cut, s);
  CHECK(record.crash);
  CHECK(record.sent.size() == 1);
  CHECK(record.dropped.size() == 2);
  // No more crashes once the budget is used.
  system.actions(s, actions);
  CHECK(std::none_of(actions.begin(), actions.end(),
                     [&](const auto& a) { return system.is_fault(a) || a.crash_within; }));
}

TEST_CASE("A crashed process receives nothing: messages in flight to it are dropped", "[models]") {
  System system(Notes{}, {.max_crashes = 1});
  auto s = system.next(system.initial_states()[0], {AsyncAction::Kind::Local, 0, 0});
  REQUIRE(s.network.size() == 3);
  auto crashed = system.next(s, {AsyncAction::Kind::Crash, 1, 0});
  CHECK(crashed.is_crashed(1));
  REQUIRE(crashed.network.size() == 1);
  CHECK(crashed.network[0].to == ProcessId{2});
  CHECK(crashed.count_live([](const auto&) { return true; }) == 2);
  auto record = system.record_step(s, {AsyncAction::Kind::Crash, 1, 0}, crashed);
  CHECK(record.crash);
  REQUIRE(record.discarded.size() == 2);
  CHECK(record.discarded[0] == MessageRecord{0, 1, "note(value=1)"});
  CHECK(record.discarded[1] == MessageRecord{0, 1, "note(value=2)"});
}

TEST_CASE("A send to a process that has crashed is recorded as lost to the crash", "[models]") {
  System system(Notes{}, {.max_crashes = 1});
  auto initial = system.initial_states()[0];
  auto crashed = system.next(initial, {AsyncAction::Kind::Crash, 2, 0});
  std::vector<AsyncAction> actions;
  system.actions(crashed, actions);
  // Only two sends reach live processes other than the sender, so no crash can cut the multicast
  // (the budget is used anyway); the note to p3 vanishes.
  REQUIRE(actions.size() == 1);
  auto after = system.next(crashed, actions[0]);
  CHECK(after.network.size() == 2);
  auto record = system.record_step(crashed, actions[0], after);
  CHECK(record.sent.size() == 2);
  CHECK(record.to_crashed == std::vector<MessageRecord>{{0, 2, "note(value=3)"}});
  CHECK(record.dropped.empty());
  CHECK_FALSE(record.crash);
}

TEST_CASE("Equal states encode to equal bytes whatever the order of sends", "[models]") {
  System system(Notes{.notes = {2, 1, 3}}, {});
  System other(Notes{.notes = {1, 2, 3}}, {});
  auto a = system.next(system.initial_states()[0], {AsyncAction::Kind::Local, 0, 0});
  auto b = other.next(other.initial_states()[0], {AsyncAction::Kind::Local, 0, 0});
  Bytes ea, eb;
  system.encode(a, ea);
  other.encode(b, eb);
  CHECK(ea == eb);
  CHECK(system.decode(ea) == a);
}

}  // namespace
}  // namespace interleave
