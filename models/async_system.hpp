// The asynchronous message-passing system model (lecture slide 4, "asynchronous distributed
// system"): processes with local state and handlers, a network of reliable channels, and
// crash-stop faults injected by the model, never by the algorithm.
//
// One receipt is one step; one local step (request the CS, leave it) is one step; a multicast is
// the set of sends one step makes. The network is a bag (any message in flight may be received
// next) or FIFO per ordered pair of processes. With crashes allowed, a process may crash between
// any two steps, or within a step after some of its sends and before the rest: every proper
// non-empty subset of a multicast may reach the network.
//
// An algorithm plugs in by providing (see algorithms/ricart_agrawala.hpp for a complete one):
//   Process, Message (a std::variant of small reflected structs), process_count(),
//   initial_process(p), local_steps(), on_message(out, self, from, message), is_done(process),
//   properties().
#pragma once

#include <algorithm>
#include <bit>
#include <concepts>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "models/codec.hpp"
#include "models/process_id.hpp"
#include "models/semantics.hpp"
#include "models/step_record.hpp"
#include "models/text.hpp"

namespace interleave {

template <class Message>
struct Envelope {
  ProcessId from;
  ProcessId to;
  Message message;
  std::uint32_t knows = 0;  // ghost: the sender's `knows` when it sent (see AsyncState)

  auto operator<=>(const Envelope&) const = default;
  INTERLEAVE_FIELDS(from, to, message, knows)
};

// What a handler uses to send: the sends it makes form one step's multicast.
template <class Message>
class Outbox {
 public:
  Outbox(ProcessId self, int process_count) : self_(self), process_count_(process_count) {}

  ProcessId self() const { return self_; }
  int process_count() const { return process_count_; }

  void send(ProcessId to, Message message) { sends_.push_back({self_, to, std::move(message)}); }

  // Basic multicast: one send to each member of the group, in the group's order.
  void multicast(std::span<const ProcessId> group, const Message& message) {
    for (auto to : group) send(to, message);
  }

  // Multicast to every process except the sender.
  void multicast_to_others(const Message& message) {
    for (int i = 0; i < process_count_; ++i) {
      if (i != self_.value()) send(ProcessId{i}, message);
    }
  }

  const std::vector<Envelope<Message>>& sends() const { return sends_; }

 private:
  ProcessId self_;
  int process_count_;
  std::vector<Envelope<Message>> sends_;
};

// A named local step of an algorithm: a guard and an effect, both on the process's own state.
template <class A>
struct LocalStep {
  std::string_view name;  // a verb: "RequestCs", "ExitCs"
  bool (A::*enabled)(const typename A::Process&) const;
  void (A::*run)(Outbox<typename A::Message>&, typename A::Process&) const;
};

template <class A>
concept AsyncAlgorithm = requires(const A& a, ProcessId p, const typename A::Process& process,
                                  typename A::Process& mutable_process,
                                  Outbox<typename A::Message>& out,
                                  const typename A::Message& message) {
  { a.process_count() } -> std::convertible_to<int>;
  { a.initial_process(p) } -> std::same_as<typename A::Process>;
  { a.local_steps() } -> std::convertible_to<std::span<const LocalStep<A>>>;
  a.on_message(out, mutable_process, p, message);
  { a.is_done(process) } -> std::convertible_to<bool>;
};

template <class A>
struct AsyncState {
  using Process = typename A::Process;
  using Message = typename A::Message;

  std::vector<Process> processes;
  std::vector<Envelope<Message>> network;  // in flight; sorted, so equal states encode equally
  std::uint32_t crashed = 0;               // bit i: process i has crashed
  // Ghost state, only with AsyncSemantics::track_causality (otherwise empty). knows[p], bit i:
  // p_i's current request is in p's causal past. precedes[i], bit j: p_i's current request
  // happened-before p_j's.
  std::vector<std::uint32_t> knows;
  std::vector<std::uint32_t> precedes;

  bool is_crashed(int i) const { return (crashed >> i) & 1u; }
  int crash_count() const { return std::popcount(crashed); }

  // How many live processes satisfy `predicate` (a crashed process takes no part in properties).
  template <class Predicate>
  int count_live(Predicate predicate) const {
    int count = 0;
    for (std::size_t i = 0; i < processes.size(); ++i) {
      if (!is_crashed(static_cast<int>(i)) && predicate(processes[i])) ++count;
    }
    return count;
  }

  bool operator==(const AsyncState&) const = default;
  INTERLEAVE_FIELDS(processes, network, crashed, knows, precedes)
};

struct AsyncAction {
  enum class Kind : std::uint8_t { Receive, Local, Crash };
  Kind kind = Kind::Local;
  std::uint8_t process = 0;  // the process taking the step
  std::uint16_t index = 0;   // Receive: position in the network; Local: local step index
  // The process crashes within this step; only the sends whose bit is set in `escaped` (by
  // send order) reach the network.
  bool crash_within = false;
  std::uint32_t escaped = 0;
};

template <AsyncAlgorithm A>
class AsyncSystem {
 public:
  using State = AsyncState<A>;
  using Action = AsyncAction;
  using Process = typename A::Process;
  using Message = typename A::Message;

  AsyncSystem(A algorithm, AsyncSemantics semantics)
      : algorithm_(std::move(algorithm)), semantics_(semantics) {
    if constexpr (!kTracksRequests) {
      if (semantics_.track_causality) {
        throw std::invalid_argument("this algorithm has no requests to order");
      }
    }
  }

  // An algorithm whose processes make requests (has_request: the process has one outstanding)
  // can have their happened-before order tracked, and provides the ordering property.
  static constexpr bool kTracksRequests = requires(const A& a, const Process& p) {
    { a.has_request(p) } -> std::convertible_to<bool>;
  };

  const A& algorithm() const { return algorithm_; }
  const AsyncSemantics& semantics() const { return semantics_; }
  int process_count() const { return algorithm_.process_count(); }

  std::vector<State> initial_states() const {
    State s;
    for (int i = 0; i < process_count(); ++i)
      s.processes.push_back(algorithm_.initial_process(ProcessId{i}));
    if (semantics_.track_causality) {
      s.knows.assign(process_count(), 0);
      s.precedes.assign(process_count(), 0);
    }
    return {s};
  }

  // Enabled actions, in an order that is a pure function of the state (traces are stored as
  // indices into this list): receipts in network order, local steps by process, then crashes.
  void actions(const State& s, std::vector<Action>& out) const {
    out.clear();
    bool may_crash = s.crash_count() < semantics_.max_crashes;
    for (std::size_t i = 0; i < s.network.size(); ++i) {
      const auto& e = s.network[i];
      if (i > 0 && !deliverable_after(s.network[i - 1], e)) continue;
      Action a{Action::Kind::Receive, e.to.index, static_cast<std::uint16_t>(i)};
      out.push_back(a);
      if (may_crash) add_crash_within_variants(s, a, out);
    }
    auto steps = algorithm_.local_steps();
    for (int p = 0; p < process_count(); ++p) {
      if (s.is_crashed(p)) continue;
      for (std::size_t j = 0; j < steps.size(); ++j) {
        if (!(algorithm_.*(steps[j].enabled))(s.processes[p])) continue;
        Action a{Action::Kind::Local, static_cast<std::uint8_t>(p), static_cast<std::uint16_t>(j)};
        out.push_back(a);
        if (may_crash) add_crash_within_variants(s, a, out);
      }
    }
    if (may_crash) {
      for (int p = 0; p < process_count(); ++p) {
        if (!s.is_crashed(p)) out.push_back({Action::Kind::Crash, static_cast<std::uint8_t>(p), 0});
      }
    }
  }

  State next(const State& s, const Action& a) const {
    State t = s;
    apply(t, a);
    return t;
  }

  // Crashes are the environment's doing: a state where only crashes remain is still a deadlock.
  bool is_fault(const Action& a) const { return a.kind == Action::Kind::Crash; }

  // A state with no enabled step is a proper end, not a deadlock, when every live process has
  // finished its work.
  bool is_end_state(const State& s) const {
    for (int p = 0; p < process_count(); ++p) {
      if (!s.is_crashed(p) && !algorithm_.is_done(s.processes[p])) return false;
    }
    return true;
  }

  auto properties() const {
    auto properties = algorithm_.template properties<State>();
    if constexpr (kTracksRequests) {
      if (semantics_.track_causality) properties.push_back(algorithm_.template ordering<State>());
    }
    return properties;
  }

  void encode(const State& s, Bytes& out) const { interleave::encode(s, out); }
  State decode(std::span<const std::uint8_t> bytes) const {
    return interleave::decode<State>(bytes);
  }

  // Lifeline names: p1..pN, unless the algorithm names its processes (a server, say).
  std::vector<std::string> process_names() const {
    std::vector<std::string> names;
    for (int p = 0; p < process_count(); ++p) names.push_back(process_name(ProcessId{p}));
    return names;
  }

  std::string process_name(ProcessId p) const {
    if constexpr (requires { algorithm_.process_name(p); }) {
      return algorithm_.process_name(p);
    } else {
      return to_string(p);
    }
  }

  StateRecord record_state(const State& s) const {
    StateRecord r;
    for (int p = 0; p < process_count(); ++p) {
      r.processes.push_back(field_texts(s.processes[p]));
      if (s.is_crashed(p)) r.crashed.push_back(p);
    }
    for (const auto& e : s.network) r.in_flight.push_back(record(e));
    r.text = format_state(s);
    return r;
  }

  StepRecord record_step(const State& before, const Action& a, const State& after) const {
    StepRecord r;
    r.actor = a.process;
    switch (a.kind) {
      case Action::Kind::Receive:
        r.action = "Receive";
        r.received = record(before.network[a.index]);
        break;
      case Action::Kind::Local:
        r.action = std::string(algorithm_.local_steps()[a.index].name);
        break;
      case Action::Kind::Crash:
        r.action = "Crash";
        r.crash = true;
        break;
    }
    if (a.kind != Action::Kind::Crash) {
      auto sends = run_handler(before, a);
      for (std::size_t k = 0; k < sends.size(); ++k) {
        if (before.is_crashed(sends[k].to.value())) {
          r.to_crashed.push_back(record(sends[k]));
        } else if (a.crash_within && !((a.escaped >> k) & 1u)) {
          r.dropped.push_back(record(sends[k]));
        } else {
          r.sent.push_back(record(sends[k]));
        }
      }
      r.crash = a.crash_within;
    }
    if (r.crash) {
      // What was in flight to the process that crashed is gone.
      for (std::size_t i = 0; i < before.network.size(); ++i) {
        bool received_now = a.kind == Action::Kind::Receive && i == a.index;
        if (before.network[i].to.value() == a.process && !received_now) {
          r.discarded.push_back(record(before.network[i]));
        }
      }
    }
    for (int p = 0; p < process_count(); ++p) {
      append_changes(p, field_texts(before.processes[p]), field_texts(after.processes[p]),
                     r.changes);
    }
    return r;
  }

  std::string format_state(const State& s) const {
    std::string out;
    for (int p = 0; p < process_count(); ++p) {
      if (p) out += ' ';
      out += process_name(ProcessId{p}) + (s.is_crashed(p) ? "(crashed)" : "") +
             to_text(s.processes[p]);
    }
    out += " | in flight: [";
    for (std::size_t i = 0; i < s.network.size(); ++i) {
      const auto& e = s.network[i];
      out += (i ? ", " : "") + process_name(e.from) + "->" + process_name(e.to) + " " +
             to_text(e.message);
    }
    return out + "]";
  }

 private:
  static MessageRecord record(const Envelope<Message>& e) {
    return {e.from.value(), e.to.value(), to_text(e.message)};
  }

  // In a bag, equal envelopes are one choice; under FIFO only the oldest message of each
  // ordered pair can be received (the network keeps each pair's messages in send order).
  bool deliverable_after(const Envelope<Message>& previous, const Envelope<Message>& e) const {
    if (semantics_.network == NetworkKind::Fifo)
      return previous.from != e.from || previous.to != e.to;
    return previous != e;
  }

  // The sends a step makes, computed on a scratch copy of the actor's state.
  std::vector<Envelope<Message>> run_handler(const State& s, const Action& a) const {
    Process scratch = s.processes[a.process];
    Outbox<Message> out(ProcessId{a.process}, process_count());
    if (a.kind == Action::Kind::Receive) {
      const auto& e = s.network[a.index];
      algorithm_.on_message(out, scratch, e.from, e.message);
    } else {
      (algorithm_.*(algorithm_.local_steps()[a.index].run))(out, scratch);
    }
    return out.sends();
  }

  // A step whose multicast reaches m >= 2 other processes may be cut short by a crash after any
  // proper non-empty subset of those sends. (Cutting it after none of them is a crash before
  // the step, after all of them a crash after it; a send to oneself is lost with the crash.)
  void add_crash_within_variants(const State& s, Action a, std::vector<Action>& out) const {
    auto sends = run_handler(s, a);
    std::vector<std::uint32_t> others;  // bit of each send to a live process other than the actor
    for (std::size_t k = 0; k < sends.size(); ++k) {
      auto to = sends[k].to.value();
      if (to != a.process && !s.is_crashed(to)) others.push_back(1u << k);
    }
    if (others.size() < 2) return;
    a.crash_within = true;
    for (std::uint32_t subset = 1; subset + 1 < (1u << others.size()); ++subset) {
      a.escaped = 0;
      for (std::size_t i = 0; i < others.size(); ++i) {
        if ((subset >> i) & 1u) a.escaped |= others[i];
      }
      out.push_back(a);
    }
  }

  void crash(State& s, int p) const {
    s.crashed |= 1u << p;
    // A crashed process receives nothing: what is in flight to it is gone.
    std::erase_if(s.network, [p](const auto& e) { return e.to.value() == p; });
  }

  bool has_request(const Process& p) const {
    if constexpr (kTracksRequests) {
      return algorithm_.has_request(p);
    } else {
      return false;
    }
  }

  // p makes a request: every request in its causal past happened-before it. Its previous
  // request, if any, was served, so bit p is reused for the new one.
  void record_request(State& s, int p) const {
    const std::uint32_t bit = 1u << p;
    const std::uint32_t past = s.knows[p] & ~bit;
    for (auto& k : s.knows) k &= ~bit;
    for (auto& e : s.network) e.knows &= ~bit;
    // A bag is kept sorted by whole envelopes, ghost included: restore the canonical order.
    if (semantics_.network == NetworkKind::Bag) std::sort(s.network.begin(), s.network.end());
    s.precedes[p] = 0;
    for (int k = 0; k < process_count(); ++k) {
      s.precedes[k] &= ~bit;
      if ((past >> k) & 1u) s.precedes[k] |= bit;
    }
    s.knows[p] = past | bit;
  }

  void put_in_flight(State& s, Envelope<Message> e) const {
    if (s.is_crashed(e.to.value())) return;
    auto position = semantics_.network == NetworkKind::Bag
                        ? std::upper_bound(s.network.begin(), s.network.end(), e)
                        : std::upper_bound(s.network.begin(), s.network.end(), e,
                                           [](const auto& x, const auto& y) {
                                             return std::tie(x.from, x.to) < std::tie(y.from, y.to);
                                           });
    s.network.insert(position, std::move(e));
  }

  void apply(State& s, const Action& a) const {
    if (a.kind == Action::Kind::Crash) {
      crash(s, a.process);
      return;
    }
    Outbox<Message> out(ProcessId{a.process}, process_count());
    auto& process = s.processes[a.process];
    const bool tracking = semantics_.track_causality;
    const bool had_request = tracking && has_request(process);
    if (a.kind == Action::Kind::Receive) {
      auto e = std::move(s.network[a.index]);
      s.network.erase(s.network.begin() + a.index);
      if (tracking) s.knows[a.process] |= e.knows;
      algorithm_.on_message(out, process, e.from, e.message);
    } else {
      (algorithm_.*(algorithm_.local_steps()[a.index].run))(out, process);
    }
    if (tracking && !had_request && has_request(process)) record_request(s, a.process);
    const auto& sends = out.sends();
    for (std::size_t k = 0; k < sends.size(); ++k) {
      if (!a.crash_within || ((a.escaped >> k) & 1u)) {
        auto e = sends[k];
        if (tracking) e.knows = s.knows[a.process];
        put_in_flight(s, std::move(e));
      }
    }
    if (a.crash_within) crash(s, a.process);
  }

  A algorithm_;
  AsyncSemantics semantics_;
};

}  // namespace interleave
