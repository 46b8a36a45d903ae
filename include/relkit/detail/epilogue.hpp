// Last include of every relkit header that includes relkit/detail/prologue.hpp
// (no #pragma once): restores relkit's internal macros to the state the
// matching prologue found, undefined after the outermost relkit header.
// (The prologue always leaves them defined; alone, this file does nothing.)

#ifdef RELKIT_NAMESPACE_BEGIN
#pragma pop_macro("RELKIT_NAMESPACE_BEGIN")
#pragma pop_macro("RELKIT_NAMESPACE_END")
#endif
