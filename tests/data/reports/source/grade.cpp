// A small program for coverage fixtures: one branchy function, partly tested.
#include "grade.hpp"

#include <stdexcept>

char grade(int score) {
  if (score < 0 || score > 100) throw std::out_of_range("score");
  if (score >= 90) return 'A';
  if (score >= 75) return 'B';
  if (score >= 50) return 'C';
  return 'F';
}

int clamp(int value, int low, int high) {
  if (value < low) return low;
  if (value > high) return high;
  return value;
}
