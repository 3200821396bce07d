#include "report/ObservedText.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace tenure {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ObservedText)
};
} // namespace

namespace {

// A negative figure with the minus sign (U+2212), as the action queue's reasons write a score's
// fall ("score −12"), not the hyphen QLocale gives.
QString withMinus(QString text)
{
    if (text.startsWith(u'-'))
        text[0] = QChar(0x2212);
    return text;
}

} // namespace

QString observedText(const QVariant& observed)
{
    if (!observed.isValid() || observed.isNull())
        return Tr::tr("n/a");
    if (observed.typeId() == QMetaType::Bool)
        return observed.toBool() ? Tr::tr("yes") : Tr::tr("no");
    bool isNumber = false;
    const double value = observed.toDouble(&isNumber);
    if (!isNumber || observed.typeId() == QMetaType::QString || !std::isfinite(value))
        return observed.toString();
    const QLocale locale;
    if (value == std::round(value) && std::abs(value) < 1e15)
        return withMinus(locale.toString(qint64(value)));
    if (std::abs(value) < 1)
        return withMinus(locale.toString(value, 'f', 3));
    // Two decimals, without the zeros a rounder value leaves ("12.5", not "12.50").
    QString text = locale.toString(value, 'f', 2);
    const QString zero = locale.zeroDigit();
    while (text.endsWith(zero))
        text.chop(zero.size());
    if (text.endsWith(locale.decimalPoint()))
        text.chop(locale.decimalPoint().size());
    return withMinus(text);
}

} // namespace tenure
