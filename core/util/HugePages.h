#pragma once

#include <cstddef>
#include <new>
#include <vector>

namespace tenure {

namespace hugepages {

// One transparent huge page on x86-64, and on arm64 with 4 KB pages (kernels with 16 or 64 KB
// pages use larger ones: the memory is then aligned as asked and simply not huge).
constexpr std::size_t kSize = std::size_t(2) << 20;

// At least `bytes`. From half a huge page up, whole huge pages, aligned and offered to the kernel
// as huge pages (madvise(MADV_HUGEPAGE)); smaller ones come from operator new. Where the kernel gives no huge
// pages (not Linux, transparent huge pages disabled), the memory is ordinary. Throws std::bad_alloc when
// there is none.
void* allocate(std::size_t bytes);
// Memory from allocate() of the same `bytes`.
void release(void* memory, std::size_t bytes) noexcept;

} // namespace hugepages

// An allocator for the engine's large scratch arrays (a rebuild's partition of events, its scan's
// buffers and string tables), which are written once from end to end right after they are
// allocated. On huge pages such an array costs one page fault per 2 MB instead of one per 4 KB:
// measured on the benchmark's VM, 80 MB touched took 215 ms on small pages and 6–130 ms on huge
// ones (see core/engine/README.md).
template <typename T> struct HugePageAllocator
{
    using value_type = T;
    HugePageAllocator() = default;
    template <typename U> HugePageAllocator(const HugePageAllocator<U>&) noexcept { }
    static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__, "small arrays come from operator new");
    T* allocate(std::size_t n)
    {
        if (n > std::size_t(-1) / sizeof(T))
            throw std::bad_alloc();
        return static_cast<T*>(hugepages::allocate(n * sizeof(T)));
    }
    void deallocate(T* memory, std::size_t n) noexcept { hugepages::release(memory, n * sizeof(T)); }
    template <typename U> bool operator==(const HugePageAllocator<U>&) const noexcept { return true; }
};

template <typename T> using HugeVector = std::vector<T, HugePageAllocator<T>>;

} // namespace tenure
