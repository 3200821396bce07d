#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace tenure::fuzz {

// One input of a target: a committed seed or regression, or a mutation of seeds.
struct Input
{
    QString name; // "seed events.csv", "regression crash-…", "mutation 812"
    QByteArray bytes;
};

// The committed inputs of one target: tests/data/fuzz/<target>/* are the seeds the mutations
// start from; tests/data/fuzz/<target>/regressions/* are inputs that once crashed or failed a
// check, replayed before anything else on every run.
struct Corpus
{
    QString target;
    QString dir;
    QList<Input> seeds;
    QList<Input> regressions;

    static Corpus load(const QString& target);
};

// The run's seed and size: fixed so every run is the same, printed so a failure can be replayed,
// and overridable (TENURE_FUZZ_SEED, TENURE_FUZZ_ITERATIONS) for a longer or different search.
quint32 runSeed();
int iterations(int defaultCount);

// Byte-level mutations of seeds, as a mutation fuzzer stacks them: bit flips, bytes from a
// target's dictionary, inserts, deletes, duplicated ranges, splices with another seed,
// dictionary tokens (JSON punctuation, CSV quotes) and truncation.
class Mutator
{
public:
    Mutator(quint32 seed, QByteArray alphabet, QList<QByteArray> tokens);
    QByteArray mutate(const QByteArray& base, const QList<Input>& others);
    // Mutations of a JSON document's tree (or of each line of JSON lines): values replaced by
    // others of any type, keys dropped, renamed or added, array items dropped or repeated. Byte
    // mutations alone mostly make text that is not JSON, which a reader rejects at once.
    QByteArray mutateJson(const QByteArray& base, const QStringList& words);
    // Mutations land in the first `window` bytes (0: anywhere): a workspace file's header and
    // schema pages matter more than its free pages.
    void setWindow(qsizetype window) { m_window = window; }
    QRandomGenerator& random() { return m_random; }

private:
    qsizetype position(qsizetype size, bool inclusiveEnd);
    char byte();
    QJsonValue mutateValue(const QJsonValue& value, const QStringList& words, int depth);
    QJsonValue randomValue(const QStringList& words);

    QRandomGenerator m_random;
    QByteArray m_alphabet;
    QList<QByteArray> m_tokens;
    qsizetype m_window = 0;
};

// Keeps the input under test where a crash handler can write it: when ASan or UBSan aborts the
// process, or a signal arrives, the input lands in the target's regressions folder before the
// process dies, so the next run replays it first.
class CrashGuard
{
public:
    static void install();
    static void arm(const Corpus& corpus, const Input& input);
    static void disarm();
    // Saves `input` as a regression (a failed check rather than a crash) and returns its path.
    static QString keep(const Corpus& corpus, const Input& input, const QString& why);
};

} // namespace tenure::fuzz
