// The Model concept: what every engine needs of a transition system (Stateright's `Model`).
//
// Determinism contract: initial_states() and actions() return their elements in an order that
// is a pure function of the state, because traces are stored as indices into those lists.
// States are compared by their canonical encoding: equal states must encode to equal bytes.
#pragma once

#include <concepts>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "models/codec.hpp"
#include "models/step_record.hpp"
#include "properties/property.hpp"

namespace interleave {

template <class M>
concept Model = requires(const M& m, const typename M::State& s, const typename M::Action& a,
                         std::vector<typename M::Action>& actions, Bytes& bytes,
                         std::span<const std::uint8_t> encoded) {
  typename M::State;
  typename M::Action;
  { m.initial_states() } -> std::same_as<std::vector<typename M::State>>;
  m.actions(s, actions);  // fills a caller-owned vector, cleared first
  { m.next(s, a) } -> std::same_as<typename M::State>;
  // The properties to check; deadlock freedom is checked by every engine in addition.
  { m.properties() } -> std::same_as<std::vector<Property<typename M::State>>>;
  // A state with no (non-fault) action is a deadlock unless the model calls it a proper end.
  { m.is_end_state(s) } -> std::convertible_to<bool>;
  // Fault actions (crashes) are the environment's: they do not rescue a deadlocked state.
  { m.is_fault(a) } -> std::convertible_to<bool>;
  m.encode(s, bytes);  // appends the canonical encoding
  { m.decode(encoded) } -> std::same_as<typename M::State>;
  // Printing, in the model-independent vocabulary of counterexamples.
  { m.process_names() } -> std::same_as<std::vector<std::string>>;
  { m.record_state(s) } -> std::same_as<StateRecord>;
  { m.record_step(s, a, s) } -> std::same_as<StepRecord>;
};

}  // namespace interleave
