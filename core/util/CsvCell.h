#pragma once

#include <QString>

namespace tenure::CsvCell {

// One cell of a CSV file Tenure writes. Text cells come from imports and connectors, so a
// spreadsheet must never run one as a formula: a text that starts with '=', '+', '-', '@', a tab
// or a carriage return is prefixed with a single quote and quoted (OWASP, "CSV injection").
// Numbers are written as they are, so that a negative ARR stays a number.

// Whether a spreadsheet would take `text` as a formula.
bool looksLikeFormula(const QString& text);

// `text` as a cell: neutralised when it looks like a formula, quoted when it holds the
// delimiter, a quote, a line break or was neutralised.
QString text(const QString& text, QChar delimiter = u',');

// A number Tenure formatted itself (e.g. "-5.00"): never neutralised.
QString number(const QString& formatted, QChar delimiter = u',');

} // namespace tenure::CsvCell
