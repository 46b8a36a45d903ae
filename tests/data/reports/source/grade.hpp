#pragma once
char grade(int score);
int clamp(int value, int low, int high);
