// A std::vector whose resize() leaves new elements uninitialized (for
// trivial types), so a large table is sized and then filled once with
// std::memset, or written by the caller, instead of element by element.
// Why: V8 runs a freshly loaded wasm module unoptimized, and the
// element-by-element fills of std::vector::assign were about a third of
// the time to load o200k_base in a new page or process; a memset of our
// own code compiles to one memory.fill (-mbulk-memory).
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace llmcalc {

template <class T>
struct NoInitAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = NoInitAllocator<U>;
  };
  NoInitAllocator() = default;
  template <class U>
  NoInitAllocator(const NoInitAllocator<U>&) noexcept {}
  // Value-initialization (resize's default) becomes default-initialization.
  template <class U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible<U>::value) {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

template <class T>
using RawVector = std::vector<T, NoInitAllocator<T>>;

// Sizes `v` to n elements, every byte of which is `byte`.
template <class T>
void fill_bytes(RawVector<T>& v, std::size_t n, unsigned char byte) {
  static_assert(std::is_trivially_copyable<T>::value, "fill_bytes needs a trivial type");
  v.resize(n);
  if (n != 0) std::memset(v.data(), byte, n * sizeof(T));
}

}  // namespace llmcalc
