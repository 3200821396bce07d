#pragma once

#include <QString>

namespace tenure {

// Japanese text on screen in Noto Sans CJK JP where it is installed (fonts-noto-cjk). Otherwise
// fontconfig's Japanese fallback is VL Gothic (fonts-vlgothic, which the reports' PDFs need:
// ReportPage::font), whose digits beside Japanese text look unlike those beside Latin text
// ("顧客 300 社" beside "166 Good"). Sets the application's font: the default family first,
// then this one for what it lacks. Returns the family added, or empty where none is installed.
QString preferJapaneseScreenFont();

} // namespace tenure
