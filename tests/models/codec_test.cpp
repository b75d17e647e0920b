#include "models/codec.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "models/fields.hpp"
#include "models/text.hpp"
#include "tests/catch.hpp"

namespace interleave {
namespace {

enum class Mode : std::uint8_t { Idle, Wanted, Held };

std::string_view to_string(Mode m) {
  switch (m) {
    case Mode::Idle:
      return "IDLE";
    case Mode::Wanted:
      return "WANTED";
    case Mode::Held:
      return "HELD";
  }
  return "?";
}

struct Request {
  static constexpr std::string_view label = "request";
  int clock = 0;
  bool operator==(const Request&) const = default;
  INTERLEAVE_FIELDS(clock)
};

struct Reply {
  static constexpr std::string_view label = "reply";
  bool operator==(const Reply&) const = default;
  INTERLEAVE_NO_FIELDS
};

using Message = std::variant<Request, Reply>;

struct Point {
  std::uint8_t x = 0;
  std::uint8_t y = 0;
  bool operator==(const Point&) const = default;
  INTERLEAVE_FIELDS(x, y)
};

struct Everything {
  bool flag = false;
  std::uint8_t small = 0;
  std::uint16_t medium = 0;
  int count = 0;
  Mode mode = Mode::Idle;
  std::vector<Point> points;
  std::vector<int> numbers;
  std::optional<Point> maybe;
  std::optional<int> maybe_number;
  Message message;
  std::vector<Message> inbox;
  bool operator==(const Everything&) const = default;
  INTERLEAVE_FIELDS(flag, small, medium, count, mode, points, numbers, maybe, maybe_number, message,
                    inbox)
};

struct Pair {
  int a = 0;
  bool b = false;
  bool operator==(const Pair&) const = default;
  INTERLEAVE_FIELDS(a, b)
};

template <class T>
Bytes encoded(const T& value) {
  Bytes out;
  encode(value, out);
  return out;
}

template <class T>
T round_trip(const T& value) {
  return decode<T>(encoded(value));
}

Everything sample() {
  Everything e;
  e.flag = true;
  e.small = 200;
  e.medium = 60000;
  e.count = -12345;
  e.mode = Mode::Held;
  e.points = {{1, 2}, {255, 0}, {7, 7}};
  e.numbers = {0, -1, 1, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()};
  e.maybe = Point{3, 4};
  e.maybe_number = -7;
  e.message = Request{-3};
  e.inbox = {Reply{}, Request{42}, Reply{}};
  return e;
}

TEST_CASE("codec: a reflected struct of every supported field kind round-trips", "[models]") {
  Everything e = sample();
  CHECK(round_trip(e) == e);

  SECTION("empty containers, absent optionals and the no-field alternative") {
    Everything empty;
    empty.message = Reply{};
    auto back = round_trip(empty);
    CHECK(back == empty);
    CHECK(back.points.empty());
    CHECK_FALSE(back.maybe.has_value());
    CHECK_FALSE(back.maybe_number.has_value());
    CHECK(std::holds_alternative<Reply>(back.message));
  }

  SECTION("decoding overwrites every field of the target") {
    Everything other;
    other.message = Reply{};
    auto back = round_trip(other);
    CHECK(back == other);
  }
}

TEST_CASE("codec: integers of every width and sign round-trip", "[models]") {
  for (std::uint8_t v : {std::uint8_t{0}, std::uint8_t{1}, std::uint8_t{127}, std::uint8_t{128},
                         std::uint8_t{255}}) {
    CHECK(round_trip(v) == v);
  }
  for (std::uint16_t v : {std::uint16_t{0}, std::uint16_t{300}, std::uint16_t{16383},
                          std::uint16_t{16384}, std::uint16_t{65535}}) {
    CHECK(round_trip(v) == v);
  }
  for (int v : {0, 1, -1, 63, -64, 64, -65, 1000, -1000, std::numeric_limits<int>::max(),
                std::numeric_limits<int>::min()}) {
    CHECK(round_trip(v) == v);
  }
  for (std::int64_t v :
       {std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()}) {
    CHECK(round_trip(v) == v);
  }
  CHECK(round_trip(std::numeric_limits<std::uint64_t>::max()) ==
        std::numeric_limits<std::uint64_t>::max());
  CHECK(round_trip(true));
  CHECK_FALSE(round_trip(false));
  for (Mode m : {Mode::Idle, Mode::Wanted, Mode::Held}) CHECK(round_trip(m) == m);
}

TEST_CASE("codec: exact encoded sizes", "[models]") {
  // Unsigned varints: 7 bits per byte.
  CHECK(encoded(std::uint32_t{0}) == Bytes{0x00});
  CHECK(encoded(std::uint32_t{127}) == Bytes{0x7f});
  CHECK(encoded(std::uint32_t{128}) == Bytes{0x80, 0x01});
  CHECK(encoded(std::uint32_t{300}) == Bytes{0xac, 0x02});
  CHECK(encoded(std::uint32_t{16383}).size() == 2);
  CHECK(encoded(std::uint32_t{16384}).size() == 3);
  CHECK(encoded(std::numeric_limits<std::uint64_t>::max()).size() == 10);

  // Signed integers are zigzagged: small magnitudes of either sign take one byte.
  CHECK(encoded(0) == Bytes{0x00});
  CHECK(encoded(-1) == Bytes{0x01});
  CHECK(encoded(1) == Bytes{0x02});
  CHECK(encoded(-64) == Bytes{0x7f});
  CHECK(encoded(63) == Bytes{0x7e});
  CHECK(encoded(64).size() == 2);
  CHECK(encoded(-65).size() == 2);

  CHECK(encoded(true) == Bytes{0x01});
  CHECK(encoded(false) == Bytes{0x00});
  CHECK(encoded(Mode::Held) == Bytes{0x02});

  // Compounds: a length or presence or index prefix, then the elements.
  CHECK(encoded(std::vector<int>{}) == Bytes{0x00});
  CHECK(encoded(std::vector<int>{1, -1}) == Bytes{0x02, 0x02, 0x01});
  CHECK(encoded(std::optional<int>{}) == Bytes{0x00});
  CHECK(encoded(std::optional<int>{5}) == Bytes{0x01, 0x0a});
  CHECK(encoded(Message{Reply{}}) == Bytes{0x01});
  CHECK(encoded(Message{Request{3}}) == Bytes{0x00, 0x06});
  CHECK(encoded(Point{1, 2}) == Bytes{0x01, 0x02});
  CHECK(encoded(Pair{-1, true}) == Bytes{0x01, 0x01});
}

TEST_CASE("codec: equal values encode equally, different values differently", "[models]") {
  CHECK(encoded(sample()) == encoded(sample()));

  std::vector<Everything> variants;
  variants.push_back(sample());
  auto change = [&](auto mutate) {
    Everything e = sample();
    mutate(e);
    variants.push_back(e);
  };
  change([](Everything& e) { e.flag = false; });
  change([](Everything& e) { e.small = 201; });
  change([](Everything& e) { e.medium = 1; });
  change([](Everything& e) { e.count = 12345; });
  change([](Everything& e) { e.mode = Mode::Wanted; });
  change([](Everything& e) { e.points.pop_back(); });
  change([](Everything& e) { std::swap(e.points[0], e.points[1]); });
  change([](Everything& e) { e.numbers.push_back(0); });
  change([](Everything& e) { e.maybe.reset(); });
  change([](Everything& e) { e.maybe = Point{4, 3}; });
  change([](Everything& e) { e.maybe_number = 7; });
  change([](Everything& e) { e.message = Reply{}; });
  change([](Everything& e) { e.message = Request{3}; });
  change([](Everything& e) { e.inbox.clear(); });
  change([](Everything& e) { e.inbox[0] = Request{0}; });

  for (std::size_t i = 0; i < variants.size(); ++i) {
    for (std::size_t j = 0; j < variants.size(); ++j) {
      INFO("variant " << i << " vs " << j);
      CHECK((encoded(variants[i]) == encoded(variants[j])) == (i == j));
    }
  }

  // The empty and absent forms do not collide either.
  CHECK(encoded(std::optional<int>{}) != encoded(std::optional<int>{0}));
  CHECK(encoded(std::vector<int>{}) != encoded(std::vector<int>{0}));
}

TEST_CASE("codec: malformed input is rejected", "[models]") {
  SECTION("truncated input") {
    auto bytes = encoded(sample());
    REQUIRE(bytes.size() > 1);
    // Every proper prefix is truncated (the last field is a non-empty vector of messages).
    for (std::size_t n = 0; n < bytes.size(); ++n) {
      INFO("prefix of " << n << " bytes out of " << bytes.size());
      Bytes prefix(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
      CHECK_THROWS_AS(decode<Everything>(prefix), std::runtime_error);
    }
    CHECK_THROWS_AS(decode<int>(Bytes{}), std::runtime_error);
    CHECK_THROWS_AS(decode<std::uint32_t>(Bytes{0x80}),
                    std::runtime_error);  // continuation, no end
    CHECK_THROWS_AS(decode<Point>(Bytes{0x01}), std::runtime_error);
    CHECK_THROWS_AS(decode<std::vector<int>>(Bytes{0x03, 0x02, 0x02}), std::runtime_error);
    CHECK_THROWS_AS(decode<std::optional<int>>(Bytes{0x01}), std::runtime_error);
    CHECK_THROWS_AS(decode<Message>(Bytes{0x00}), std::runtime_error);
  }

  SECTION("trailing bytes") {
    auto bytes = encoded(sample());
    bytes.push_back(0x00);
    CHECK_THROWS_AS(decode<Everything>(bytes), std::runtime_error);
    CHECK_THROWS_AS(decode<int>(Bytes{0x02, 0x00}), std::runtime_error);
    CHECK_THROWS_AS(decode<Message>(Bytes{0x01, 0x00}), std::runtime_error);
    CHECK_THROWS_AS(decode<std::optional<int>>(Bytes{0x00, 0x00}), std::runtime_error);
  }

  SECTION("a variant index out of range") {
    CHECK_THROWS_AS(decode<Message>(Bytes{0x02}), std::runtime_error);
    CHECK_THROWS_AS(decode<Message>(Bytes{0x80, 0x01}), std::runtime_error);
    auto bytes = encoded(Everything{});
    // Everything{}: flag, small, medium, count, mode, points, numbers, maybe, maybe_number, then
    // the message's variant index at byte 9.
    REQUIRE(bytes.size() == 12);
    REQUIRE(bytes[9] == 0x00);
    bytes[9] = 0x05;
    CHECK_THROWS_AS(decode<Everything>(bytes), std::runtime_error);
  }

  SECTION("a vector length larger than the input") {
    CHECK_THROWS_AS(decode<std::vector<int>>(Bytes{0xff, 0xff, 0x03}), std::runtime_error);
  }
}

// A field-less struct encodes to no bytes, so a vector of three of them is the single byte 0x03:
// the decoder's guard against absurd lengths must not reject it.
TEST_CASE("codec: a vector of field-less structs round-trips", "[models]") {
  std::vector<Reply> replies(3);
  CHECK(encoded(replies) == Bytes{0x03});
  std::vector<Reply> back;
  CHECK_NOTHROW(back = decode<std::vector<Reply>>(encoded(replies)));
  CHECK(back.size() == 3);
}

TEST_CASE("text: reflected structs, messages and fields", "[models]") {
  CHECK(to_text(Pair{1, true}) == "{a=1, b=true}");
  CHECK(to_text(Pair{-5, false}) == "{a=-5, b=false}");
  CHECK(to_text(Request{3}) == "request(clock=3)");
  CHECK(to_text(Reply{}) == "reply");
  CHECK(to_text(Message{Request{3}}) == "request(clock=3)");
  CHECK(to_text(Message{Reply{}}) == "reply");
  CHECK(to_text(Point{1, 2}) == "{x=1, y=2}");  // uint8_t prints as a number, not a character
  CHECK(to_text(Mode::Wanted) == "WANTED");
  CHECK(to_text(std::vector<int>{1, -2}) == "[1, -2]");
  CHECK(to_text(std::vector<int>{}) == "[]");
  CHECK(to_text(std::optional<int>{}) == "none");
  CHECK(to_text(std::optional<int>{4}) == "4");

  Everything e = sample();
  CHECK(to_text(e) ==
        "{flag=true, small=200, medium=60000, count=-12345, mode=HELD, points=[{x=1, y=2}, {x=255, "
        "y=0}, "
        "{x=7, y=7}], numbers=[0, -1, 1, -2147483648, 2147483647], maybe={x=3, y=4}, "
        "maybe_number=-7, "
        "message=request(clock=-3), inbox=[reply, request(clock=42), reply]}");

  using Texts = std::vector<std::pair<std::string, std::string>>;
  CHECK(field_texts(Pair{1, true}) == Texts{{"a", "1"}, {"b", "true"}});
  CHECK(field_texts(Request{3}) == Texts{{"clock", "3"}});
  CHECK(field_texts(Reply{}).empty());
  auto texts = field_texts(e);
  REQUIRE(texts.size() == 11);
  CHECK(texts[0] == std::pair<std::string, std::string>{"flag", "true"});
  CHECK(texts[4] == std::pair<std::string, std::string>{"mode", "HELD"});
  CHECK(texts[7] == std::pair<std::string, std::string>{"maybe", "{x=3, y=4}"});
  CHECK(texts[10].first == "inbox");

  CHECK(field_names<Everything>() ==
        std::vector<std::string_view>{"flag", "small", "medium", "count", "mode", "points",
                                      "numbers", "maybe", "maybe_number", "message", "inbox"});
  CHECK(field_names<Reply>().empty());
}

}  // namespace
}  // namespace interleave
