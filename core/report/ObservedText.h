#pragma once

#include <QString>
#include <QVariant>

namespace tenure {

// What a health criterion observed, in words of the current locale, the same on the customer
// page and on the printed report: "n/a" when nothing could be measured, yes or no, a whole
// number as it is ("1,250"), a fraction with three decimals ("0.667"), anything else with two
// at most ("-11.54", "1,234.5"), a text as it is.
QString observedText(const QVariant& observed);

} // namespace tenure
