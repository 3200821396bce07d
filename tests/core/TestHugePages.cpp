#include "util/HugePages.h"

#include <QFile>
#include <QTest>

#include <cstdint>
#include <cstring>

using namespace tenure;

namespace {

// The VmFlags of the mapping that holds `address`, from /proc/self/smaps ("" if none is found).
QByteArray vmFlagsOf(const void* address)
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return {};
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    bool inside = false;
    const QByteArray all = smaps.readAll(); // a /proc file has no size: atEnd() would be true at once
    for (const QByteArray& untrimmed : all.split('\n')) {
        const QByteArray line = untrimmed.trimmed();
        const qsizetype dash = line.indexOf('-');
        const qsizetype space = line.indexOf(' ');
        if (dash > 0 && space > dash && line.at(space - 1) != ':') { // "begin-end perms ..."
            bool ok = false;
            const auto begin = std::uintptr_t(line.left(dash).toULongLong(&ok, 16));
            const auto end = std::uintptr_t(line.mid(dash + 1, space - dash - 1).toULongLong(nullptr, 16));
            inside = ok && begin <= at && at < end;
        } else if (inside && line.startsWith("VmFlags:")) {
            return line.mid(8).trimmed();
        }
    }
    return {};
}

QByteArray transparentHugePagesMode()
{
    QFile mode(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
    return mode.open(QIODevice::ReadOnly) ? mode.readAll() : QByteArray();
}

} // namespace

// The engine's large scratch arrays (util/HugePages.h).
class TestHugePages : public QObject
{
    Q_OBJECT

private slots:
    void largeArraysAreAlignedToHugePagesAndKeepTheirContents()
    {
        HugeVector<quint64> values;
        for (quint64 i = 0; i < 3 * hugepages::kSize / sizeof(quint64); ++i) // grows through both paths
            values.push_back(i * 7);
        QCOMPARE(values.size(), 3 * hugepages::kSize / sizeof(quint64));
        QCOMPARE(reinterpret_cast<std::uintptr_t>(values.data()) % hugepages::kSize, std::uintptr_t(0));
        QCOMPARE(values[12345], quint64(12345 * 7));
        QCOMPARE(values.back(), quint64(values.size() - 1) * 7);
        HugeVector<quint64> moved = std::move(values);
        QCOMPARE(moved[777], quint64(777 * 7));
    }

    void smallArraysComeFromTheHeap()
    {
        // Below half a huge page nothing is rounded up to one.
        void* small = hugepages::allocate(1000);
        QVERIFY(small != nullptr);
        std::memset(small, 0x5a, 1000);
        QVERIFY(reinterpret_cast<std::uintptr_t>(small) % 16 == 0);
        QVERIFY(!vmFlagsOf(small).contains(" hg"));
        hugepages::release(small, 1000);
        // From half a huge page up: a whole one, aligned.
        const std::size_t half = hugepages::kSize / 2;
        void* large = hugepages::allocate(half);
        QCOMPARE(reinterpret_cast<std::uintptr_t>(large) % hugepages::kSize, std::uintptr_t(0));
        std::memset(large, 0x5a, half);
        hugepages::release(large, half);
    }

    void largeArraysAreOfferedToTheKernelAsHugePages()
    {
#ifndef Q_OS_LINUX
        QSKIP("Transparent huge pages are Linux's.");
#else
        if (!transparentHugePagesMode().contains("[madvise]")
            && !transparentHugePagesMode().contains("[always]"))
            QSKIP("This kernel has transparent huge pages disabled.");
        const std::size_t bytes = 4 * hugepages::kSize;
        void* memory = hugepages::allocate(bytes);
        const QByteArray flags = vmFlagsOf(memory);
        hugepages::release(memory, bytes);
        QVERIFY2(flags.split(' ').contains("hg"), flags.constData()); // madvise(MADV_HUGEPAGE) took
#endif
    }
};

QTEST_GUILESS_MAIN(TestHugePages)
#include "TestHugePages.moc"
