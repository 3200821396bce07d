#include "FuzzCorpus.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

// Under a sanitizer its runtime reports and aborts: a death callback saves the input first.
#if defined(__SANITIZE_ADDRESS__)
#define TENURE_FUZZ_DEATH_CALLBACK 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TENURE_FUZZ_DEATH_CALLBACK 1
#endif
#endif
#ifdef TENURE_FUZZ_DEATH_CALLBACK
#include <sanitizer/common_interface_defs.h>
#endif

namespace tenure::fuzz {

namespace {

QList<Input> readFolder(const QString& dir, const QString& label)
{
    QList<Input> inputs;
    const QFileInfoList files = QDir(dir).entryInfoList(QDir::Files, QDir::Name);
    for (const QFileInfo& info : files) {
        QFile file(info.filePath());
        if (info.fileName().startsWith(u'.') || !file.open(QIODevice::ReadOnly))
            continue;
        inputs.append({ label + u' ' + info.fileName(), file.readAll() });
    }
    return inputs;
}

// What a crash handler may touch: plain memory, set before each input runs.
char g_path[4096];
const char* g_bytes = nullptr;
size_t g_size = 0;

void writeCurrent()
{
    if (!g_bytes || g_path[0] == '\0')
        return;
    const int fd = ::open(g_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return;
    size_t done = 0;
    while (done < g_size) {
        const ssize_t n = ::write(fd, g_bytes + done, g_size - done);
        if (n <= 0)
            break;
        done += size_t(n);
    }
    ::close(fd);
    static const char note[] = "\nfuzz: the input that crashed was saved as ";
    [[maybe_unused]] ssize_t ignored = ::write(2, note, sizeof note - 1);
    ignored = ::write(2, g_path, strlen(g_path));
    ignored = ::write(2, "\n", 1);
    g_bytes = nullptr;
}

void onSignal(int signal)
{
    writeCurrent();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

QString regressionPath(const Corpus& corpus, const Input& input, const QString& prefix)
{
    const QByteArray hash = QCryptographicHash::hash(input.bytes, QCryptographicHash::Sha1).toHex().left(12);
    return corpus.dir + QStringLiteral("/regressions/") + prefix + u'-' + QString::fromLatin1(hash);
}

} // namespace

Corpus Corpus::load(const QString& target)
{
    Corpus corpus;
    corpus.target = target;
    corpus.dir = QStringLiteral(TENURE_TEST_DATA "/fuzz/") + target;
    corpus.seeds = readFolder(corpus.dir, QStringLiteral("seed"));
    QDir().mkpath(corpus.dir + QStringLiteral("/regressions")); // where a crash handler writes
    corpus.regressions
        = readFolder(corpus.dir + QStringLiteral("/regressions"), QStringLiteral("regression"));
    return corpus;
}

quint32 runSeed()
{
    bool ok = false;
    const quint32 seed = qEnvironmentVariable("TENURE_FUZZ_SEED").toUInt(&ok);
    return ok ? seed : 20261205u;
}

int iterations(int defaultCount)
{
    bool ok = false;
    const int count = qEnvironmentVariableIntValue("TENURE_FUZZ_ITERATIONS", &ok);
    return ok && count >= 0 ? count : defaultCount;
}

Mutator::Mutator(quint32 seed, QByteArray alphabet, QList<QByteArray> tokens)
    : m_random(seed)
    , m_alphabet(std::move(alphabet))
    , m_tokens(std::move(tokens))
{
}

qsizetype Mutator::position(qsizetype size, bool inclusiveEnd)
{
    qsizetype limit = size + (inclusiveEnd ? 1 : 0);
    if (m_window > 0 && limit > m_window)
        limit = m_window;
    return limit <= 0 ? 0 : qsizetype(m_random.bounded(quint64(limit)));
}

char Mutator::byte()
{
    if (!m_alphabet.isEmpty() && m_random.bounded(3) != 0)
        return m_alphabet.at(m_random.bounded(int(m_alphabet.size())));
    return char(m_random.bounded(256));
}

QByteArray Mutator::mutate(const QByteArray& base, const QList<Input>& others)
{
    QByteArray bytes = base;
    const int count = 1 + m_random.bounded(8);
    for (int m = 0; m < count; ++m) {
        switch (m_random.bounded(8)) {
        case 0: // flip a bit
            if (!bytes.isEmpty()) {
                const qsizetype at = position(bytes.size(), false);
                bytes[at] = char(bytes[at] ^ (1 << m_random.bounded(8)));
            }
            break;
        case 1: // overwrite a byte
            if (!bytes.isEmpty())
                bytes[position(bytes.size(), false)] = byte();
            break;
        case 2: { // insert a few bytes
            QByteArray inserted;
            for (int i = 0, n = 1 + m_random.bounded(4); i < n; ++i)
                inserted += byte();
            bytes.insert(position(bytes.size(), true), inserted);
            break;
        }
        case 3: // delete a range
            if (!bytes.isEmpty()) {
                const qsizetype at = position(bytes.size(), false);
                bytes.remove(at, 1 + m_random.bounded(16));
            }
            break;
        case 4: // duplicate a range
            if (!bytes.isEmpty()) {
                const qsizetype at = position(bytes.size(), false);
                const QByteArray range = bytes.mid(at, 1 + m_random.bounded(64));
                bytes.insert(position(bytes.size(), true), range);
            }
            break;
        case 5: // splice: this input's head with another's tail
            if (!others.isEmpty()) {
                const QByteArray& other = others.at(m_random.bounded(int(others.size()))).bytes;
                const qsizetype cut = position(bytes.size(), true);
                if (m_window > 0) { // a file of fixed pages: the same range from the other file
                    const QByteArray range = other.mid(cut, 1 + m_random.bounded(512));
                    bytes.replace(cut, range.size(), range);
                } else {
                    const qsizetype from = other.isEmpty() ? 0 : m_random.bounded(int(other.size()));
                    bytes = bytes.left(cut) + other.mid(from);
                }
            }
            break;
        case 6: // a token of the format
            if (!m_tokens.isEmpty())
                bytes.insert(position(bytes.size(), true),
                             m_tokens.at(m_random.bounded(int(m_tokens.size()))));
            break;
        default: // truncate
            if (!bytes.isEmpty() && m_random.bounded(4) == 0)
                bytes.truncate(m_random.bounded(int(bytes.size())));
        }
    }
    return bytes;
}

QJsonValue Mutator::randomValue(const QStringList& words)
{
    switch (m_random.bounded(12)) {
    case 0:
        return QJsonValue::Null;
    case 1:
        return m_random.bounded(2) == 0;
    case 2:
        return QJsonArray {};
    case 3:
        return QJsonObject {};
    case 4: {
        static const double numbers[]
            = { 0, -1, 1, 0.5, -0.0, 1e308, -1e308, 4294967296.0, 1764000000123.0, 12 };
        return numbers[m_random.bounded(10)];
    }
    case 5:
        return QString(1 + m_random.bounded(2000), QChar(u'あ'));
    case 6:
        return QString();
    default:
        return words.isEmpty() ? QStringLiteral("x") : words.at(m_random.bounded(int(words.size())));
    }
}

QJsonValue Mutator::mutateValue(const QJsonValue& value, const QStringList& words, int depth)
{
    if (m_random.bounded(8) == 0 || depth > 12)
        return m_random.bounded(4) == 0 ? value : randomValue(words);
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        const QStringList keys = object.keys();
        for (const QString& key : keys) {
            const int what = m_random.bounded(12);
            if (what == 0)
                object.remove(key);
            else if (what == 1 && !words.isEmpty())
                object.insert(words.at(m_random.bounded(int(words.size()))), object.value(key));
            else if (what < 6)
                object.insert(key, mutateValue(object.value(key), words, depth + 1));
        }
        if (m_random.bounded(4) == 0 && !words.isEmpty())
            object.insert(words.at(m_random.bounded(int(words.size()))), randomValue(words));
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const int what = m_random.bounded(10);
            if (what == 0)
                array.removeAt(i--);
            else if (what == 1)
                array.insert(i, array.at(i));
            else if (what < 5)
                array.replace(i, mutateValue(array.at(i), words, depth + 1));
        }
        if (m_random.bounded(4) == 0)
            array.append(randomValue(words));
        return array;
    }
    return m_random.bounded(3) == 0 ? randomValue(words) : value;
}

QByteArray Mutator::mutateJson(const QByteArray& base, const QStringList& words)
{
    const auto one = [&](const QByteArray& text) -> QByteArray {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError)
            return text;
        const QJsonValue root
            = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
        const QJsonValue mutated = mutateValue(root, words, 0);
        const auto format = m_random.bounded(2) ? QJsonDocument::Compact : QJsonDocument::Indented;
        if (mutated.isObject())
            return QJsonDocument(mutated.toObject()).toJson(format);
        if (mutated.isArray())
            return QJsonDocument(mutated.toArray()).toJson(format);
        return QJsonDocument(QJsonArray { mutated }).toJson(format).mid(1).chopped(2); // a bare value
    };
    if (QJsonDocument::fromJson(base).isNull() && base.contains('\n')) { // JSON lines
        QList<QByteArray> lines = base.split('\n');
        for (QByteArray& line : lines)
            if (m_random.bounded(2) == 0)
                line = one(line).replace('\n', ' ');
        return lines.join('\n');
    }
    return one(base);
}

void CrashGuard::install()
{
    for (int signal : { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL })
        std::signal(signal, onSignal);
#ifdef TENURE_FUZZ_DEATH_CALLBACK
    __sanitizer_set_death_callback(writeCurrent);
#endif
}

void CrashGuard::arm(const Corpus& corpus, const Input& input)
{
    const QByteArray path = QFile::encodeName(regressionPath(corpus, input, QStringLiteral("crash")));
    const size_t n = std::min(size_t(path.size()), sizeof g_path - 1);
    std::memcpy(g_path, path.constData(), n);
    g_path[n] = '\0';
    g_bytes = input.bytes.constData();
    g_size = size_t(input.bytes.size());
}

void CrashGuard::disarm()
{
    g_bytes = nullptr;
}

QString CrashGuard::keep(const Corpus& corpus, const Input& input, const QString& why)
{
    QDir().mkpath(corpus.dir + QStringLiteral("/regressions"));
    const QString path = regressionPath(corpus, input, why);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(input.bytes);
    return path;
}

} // namespace tenure::fuzz
