#pragma once

#include "report/AccountReport.h"

class QPagedPaintDevice;

namespace tenure {

// Lays an account report out for a customer meeting: header, stage and band with the score,
// why (the score breakdown), the stage timeline and health trend, recent usage and outcomes.
// Paints onto any paged device: a QPrinter (print, print preview) or a QPdfWriter (PDF).
class AccountReportRenderer
{
public:
    // Returns the number of pages painted.
    static int render(const AccountReport& report, QPagedPaintDevice* device);
};

} // namespace tenure
