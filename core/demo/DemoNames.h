#pragma once

#include <QString>
#include <QStringList>

namespace tenure {

class DemoRandom;

// Believable company and CSM names for the demo portfolio, English and Japanese.
namespace DemoNames {
QString englishCompany(DemoRandom& random);
QString japaneseCompany(DemoRandom& random);
const QStringList& englishOwners();
const QStringList& japaneseOwners();
const QStringList& industries();
} // namespace DemoNames

} // namespace tenure
