#include "util/HugePages.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

#include <cstdint>

namespace tenure::hugepages {

namespace {

constexpr std::size_t kSmallest = kSize / 2; // below this, rounding up to a huge page wastes too much

std::size_t roundedUp(std::size_t bytes)
{
    return (bytes + kSize - 1) / kSize * kSize;
}

} // namespace

void* allocate(std::size_t bytes)
{
#ifdef Q_OS_LINUX
    if (bytes >= kSmallest) {
        if (bytes > std::size_t(-1) - 2 * kSize)
            throw std::bad_alloc();
        // Mapped with a huge page's worth to spare, then trimmed to an aligned run: the kernel
        // backs only aligned 2 MB ranges with huge pages.
        const std::size_t size = roundedUp(bytes);
        void* mapped
            = mmap(nullptr, size + kSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mapped == MAP_FAILED)
            throw std::bad_alloc();
        const auto begin = reinterpret_cast<std::uintptr_t>(mapped);
        const std::uintptr_t aligned = (begin + kSize - 1) / kSize * kSize;
        if (aligned > begin)
            munmap(mapped, aligned - begin);
        if (const std::size_t tail = begin + size + kSize - (aligned + size); tail > 0)
            munmap(reinterpret_cast<void*>(aligned + size), tail);
        (void)madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE); // a hint: may be refused
        return reinterpret_cast<void*>(aligned);
    }
#endif
    return ::operator new(bytes);
}

void release(void* memory, std::size_t bytes) noexcept
{
    if (!memory)
        return;
#ifdef Q_OS_LINUX
    if (bytes >= kSmallest) {
        munmap(memory, roundedUp(bytes));
        return;
    }
#endif
    ::operator delete(memory);
}

} // namespace tenure::hugepages
