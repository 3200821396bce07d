#pragma once

#include <QString>

namespace tenure {

// "¥12,000,000", "$48,000", "€9,600", "CHF 1,200": how reports, lists and action reasons show an
// amount of money, in the user's locale, without decimals.
QString formatMoney(double value, const QString& currency);

} // namespace tenure
