// What a system model says about one state and one step, in model-independent terms.
//
// Engines are generic over models, but counterexamples are not: a message sequence chart needs
// lifelines, sends, receipts, crashes and state changes. Each system model records its steps in
// this small vocabulary, and counterexamples/ builds every rendering from it.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace interleave {

struct MessageRecord {
  int from = 0;  // 0-based process index
  int to = 0;
  std::string message;
  bool operator==(const MessageRecord&) const = default;
};

struct FieldChange {
  int process = 0;
  std::string field;
  std::string before;
  std::string after;
  bool operator==(const FieldChange&) const = default;
};

using FieldTexts = std::vector<std::pair<std::string, std::string>>;

struct StateRecord {
  std::vector<FieldTexts> processes;     // one entry per process, its fields as text
  std::vector<int> crashed;              // 0-based indices of crashed processes
  std::vector<MessageRecord> in_flight;  // messages sent and not yet received
  std::string text;                      // the whole state on one line
};

struct StepRecord {
  std::string action;  // the step's name: "RequestCs", "Receive", "Crash"
  int actor = -1;      // the process that takes the step
  std::optional<MessageRecord> received;
  std::vector<MessageRecord> sent;        // sends that reached the network
  std::vector<MessageRecord> dropped;     // sends cut off because the sender crashed mid-step
  std::vector<MessageRecord> to_crashed;  // sends to a process that had already crashed
  std::vector<MessageRecord> discarded;   // in flight to the actor when it crashed: never received
  bool crash = false;                     // the actor crashed in (or as) this step
  std::vector<FieldChange> changes;
};

// Field-by-field differences between two processes' texts.
inline void append_changes(int process, const FieldTexts& before, const FieldTexts& after,
                           std::vector<FieldChange>& out) {
  for (std::size_t i = 0; i < before.size() && i < after.size(); ++i) {
    if (before[i].second != after[i].second) {
      out.push_back({process, before[i].first, before[i].second, after[i].second});
    }
  }
}

}  // namespace interleave
