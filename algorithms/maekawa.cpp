#include "algorithms/maekawa.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace interleave {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

VotingSets parse_voting_sets(std::string_view text) {
  VotingSets sets;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(';', start);
    auto part = trim(text.substr(start, end == std::string_view::npos ? text.npos : end - start));
    std::vector<ProcessId> set;
    std::size_t item_start = 0;
    while (item_start <= part.size()) {
      auto comma = part.find(',', item_start);
      auto item = trim(part.substr(
          item_start, comma == std::string_view::npos ? part.npos : comma - item_start));
      if (!item.empty() && (item.front() == 'p' || item.front() == 'P')) item.remove_prefix(1);
      int value = 0;
      auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
      if (item.empty() || ec != std::errc{} || ptr != item.data() + item.size()) {
        throw std::invalid_argument(fmt::format(
            "--sets: '{}' is not a process number (expected e.g. \"1,2;2,3;3,1\")", item));
      }
      if (value < 1 || value > kMaxProcesses) {
        throw std::invalid_argument(fmt::format("--sets: process {} is out of range", value));
      }
      set.push_back(ProcessId{value - 1});
      if (comma == std::string_view::npos) break;
      item_start = comma + 1;
    }
    sets.push_back(std::move(set));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return sets;
}

std::string format_voting_sets(const VotingSets& sets) {
  std::string out;
  for (std::size_t i = 0; i < sets.size(); ++i) {
    out += fmt::format("{}V{}={{", i ? " " : "", i + 1);
    for (std::size_t k = 0; k < sets[i].size(); ++k) out += (k ? "," : "") + to_string(sets[i][k]);
    out += "}";
  }
  return out;
}

VotingSets default_voting_sets(int n) {
  if (n == 7) {
    // The Fano plane: its seven lines, one per process and each containing it; any two lines
    // meet in exactly one point.
    return parse_voting_sets("1,2,3;2,4,6;3,5,6;1,4,5;2,5,7;1,6,7;3,4,7");
  }
  if (n == 3)
    return {
        {ProcessId{0}, ProcessId{1}}, {ProcessId{1}, ProcessId{2}}, {ProcessId{2}, ProcessId{0}}};
  int width = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n))));
  VotingSets sets(n);
  for (int i = 0; i < n; ++i) {
    int row = i / width;
    int column = i % width;
    for (int j = 0; j < n; ++j) {
      if (j / width == row || j % width == column) sets[i].push_back(ProcessId{j});
    }
  }
  return sets;
}

std::string_view to_string(Maekawa::Variant v) {
  return v == Maekawa::Variant::Original ? "original" : "optimised";
}

void Maekawa::Params::validate() const {
  require_in_range("maekawa", "--n", n, 2, kMaxProcesses);
  require_in_range("maekawa", "--requests", requests, 1, kMaxRequests);
  if (static_cast<int>(voting_sets.size()) != n) {
    throw std::invalid_argument(fmt::format("maekawa: --sets gives {} voting sets for {} processes",
                                            voting_sets.size(), n));
  }
  for (int i = 0; i < n; ++i) {
    const auto& set = voting_sets[i];
    if (set.empty())
      throw std::invalid_argument(fmt::format("maekawa: voting set V{} is empty", i + 1));
    for (std::size_t k = 0; k < set.size(); ++k) {
      if (set[k].value() >= n) {
        throw std::invalid_argument(
            fmt::format("maekawa: voting set V{} names p{}, but there are only {} processes", i + 1,
                        set[k].value() + 1, n));
      }
      if (std::find(set.begin(), set.begin() + static_cast<long>(k), set[k]) !=
          set.begin() + static_cast<long>(k)) {
        throw std::invalid_argument(
            fmt::format("maekawa: voting set V{} names {} twice", i + 1, to_string(set[k])));
      }
    }
  }
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      bool meet = std::any_of(voting_sets[i].begin(), voting_sets[i].end(), [&](ProcessId p) {
        return std::find(voting_sets[j].begin(), voting_sets[j].end(), p) != voting_sets[j].end();
      });
      if (!meet) {
        throw std::invalid_argument(fmt::format(
            "maekawa: voting sets V{} and V{} do not intersect (slide 46 requires V_i and V_j to "
            "share a member)",
            i + 1, j + 1));
      }
    }
  }
}

Maekawa::Maekawa(Params params) : params_(std::move(params)) {
  if (params_.voting_sets.empty() && params_.n >= 2 && params_.n <= kMaxProcesses) {
    params_.voting_sets = default_voting_sets(params_.n);
  }
  params_.validate();
  for (int i = 0; i < params_.n; ++i) {
    auto voters = params_.voting_sets[i];
    if (params_.variant == Variant::Optimised) std::erase(voters, ProcessId{i});
    voters_.push_back(std::move(voters));
  }
}

Maekawa::Process Maekawa::initial_process(ProcessId) const {
  // On initialization: state := RELEASED; voted := FALSE
  Process p;
  p.requests_left = static_cast<std::uint8_t>(params_.requests);
  return p;
}

std::span<const LocalStep<Maekawa>> Maekawa::local_steps() const {
  static constexpr std::array<LocalStep<Maekawa>, 2> steps{{
      {"RequestCs", &Maekawa::can_request, &Maekawa::request},
      {"ExitCs", &Maekawa::can_exit, &Maekawa::exit},
  }};
  return steps;
}

// For p_i to enter the critical section: state := WANTED; multicast request to all processes
// in V_i (optimised: V_i - {p_i}); wait until (number of replies received = that many);
// state := HELD.
bool Maekawa::can_request(const Process& p) const {
  return p.state == CsState::Released && p.requests_left > 0;
}

void Maekawa::request(Outbox<Message>& out, Process& p) const {
  p.state = CsState::Wanted;
  --p.requests_left;
  p.replies = 0;
  const auto& voters = voters_of(out.self());
  out.multicast(voters, Request{});
  if (voters.empty()) p.state = CsState::Held;
}

void Maekawa::on_message(Outbox<Message>& out, Process& p, ProcessId from, const Message& m) const {
  std::visit(
      [&](const auto& message) {
        using T = std::decay_t<decltype(message)>;
        if constexpr (std::is_same_v<T, Request>) on_request(out, p, from);
        if constexpr (std::is_same_v<T, Reply>) on_reply(out.self(), p);
        if constexpr (std::is_same_v<T, Release>) on_release(out, p);
      },
      m);
}

// On receipt of a request from p_i at p_j:
//   if (state = HELD or voted = TRUE) then queue the request from p_i without replying
//   else send reply to p_i; voted := TRUE
void Maekawa::on_request(Outbox<Message>& out, Process& p, ProcessId from) const {
  if (p.state == CsState::Held || p.voted) {
    p.queue.push_back(from);
  } else {
    out.send(from, Reply{});
    p.voted = true;
  }
}

void Maekawa::on_reply(ProcessId self, Process& p) const {
  ++p.replies;
  if (p.state == CsState::Wanted && p.replies == voters_of(self).size()) p.state = CsState::Held;
}

// For p_i to exit the critical section: state := RELEASED; multicast release to all processes
// in V_i (optimised: V_i - {p_i}).
bool Maekawa::can_exit(const Process& p) const {
  return p.state == CsState::Held;
}

void Maekawa::exit(Outbox<Message>& out, Process& p) const {
  p.state = CsState::Released;
  p.replies = 0;
  out.multicast(voters_of(out.self()), Release{});
}

// On receipt of a release from p_i at p_j:
//   if (queue of requests is non-empty) then remove head of queue, from p_k say;
//     send reply to p_k; voted := TRUE
//   else voted := FALSE
void Maekawa::on_release(Outbox<Message>& out, Process& p) const {
  if (!p.queue.empty()) {
    auto head = p.queue.front();
    p.queue.erase(p.queue.begin());
    out.send(head, Reply{});
    p.voted = true;
  } else {
    p.voted = false;
  }
}

// A process counts at most one vote per member it asked, and none while RELEASED.
bool Maekawa::well_formed(ProcessId self, const Process& p) const {
  if (p.replies > voters_of(self).size()) return false;
  return p.state != CsState::Released || p.replies == 0;
}

}  // namespace interleave
