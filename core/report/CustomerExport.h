#pragma once

#include "report/PortfolioReport.h"
#include "util/Result.h"

#include <QCoreApplication>

namespace tenure {

// Writes a list of accounts as CSV for spreadsheets: UTF-8 with a byte-order mark by default,
// so that Excel opens it with the right characters; CP932 for Japanese Excel versions that
// expect it. Characters CP932 cannot hold are an error that names the account, never '?'.
// Text cells that a spreadsheet would run as formulas are neutralised (CsvCell).
class CustomerExport
{
    Q_DECLARE_TR_FUNCTIONS(CustomerExport)

public:
    static Status write(const PortfolioReport& list, const QString& path, const QString& encoding = {});
    // The encoding an export is written in: utf-8 (the default, with a byte-order mark) or cp932,
    // by any of their names; anything else is refused with a message.
    static Result<QByteArray> encodingNamed(const QString& encoding);
    static QStringList header();
};

} // namespace tenure
