// The one place that names Catch2's header: a move to Catch2 v3 changes only this file.
#pragma once
#include <catch2/catch.hpp>
