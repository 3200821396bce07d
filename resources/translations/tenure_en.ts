<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AccountReportRenderer</name>
    <message numerus="yes">
        <source>%n days left</source>
        <translation><numerusform>%n day left</numerusform><numerusform>%n days left</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation><numerusform>%n day ago</numerusform><numerusform>%n days ago</numerusform></translation>
    </message>
</context>
<context>
    <name>ActionStore</name>
    <message numerus="yes">
        <source>No activity for %n days</source>
        <translation><numerusform>No activity for %n day</numerusform><numerusform>No activity for %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n days to renewal</source>
        <translation><numerusform>%n day to renewal</numerusform><numerusform>%n days to renewal</numerusform></translation>
    </message>
</context>
<context>
    <name>BacktestCommand</name>
    <message numerus="yes">
        <source>%n cases, churn %1</source>
        <translation><numerusform>%n case, churn %1</numerusform><numerusform>%n cases, churn %1</numerusform></translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message numerus="yes">
        <source>Wrote %1 (%n pages).</source>
        <translation><numerusform>Wrote %1 (%n page).</numerusform><numerusform>Wrote %1 (%n pages).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n rows left out: the mapping's "when" does not keep them (not errors).</source>
        <translation><numerusform>%n row left out: the mapping's "when" does not keep it (not an error).</numerusform><numerusform>%n rows left out: the mapping's "when" does not keep them (not errors).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n accounts</source>
        <translation><numerusform>%n account</numerusform><numerusform>%n accounts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation><numerusform>%n event</numerusform><numerusform>%n events</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n outcomes</source>
        <translation><numerusform>%n outcome</numerusform><numerusform>%n outcomes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n account keys</source>
        <translation><numerusform>%n account key</numerusform><numerusform>%n account keys</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n new events</source>
        <translation><numerusform>%n new event</numerusform><numerusform>%n new events</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n statuses</source>
        <translation><numerusform>%n status</numerusform><numerusform>%n statuses</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation><numerusform>%n row</numerusform><numerusform>%n rows</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>... and %n more bad rows</source>
        <translation><numerusform>... and %n more bad row</numerusform><numerusform>... and %n more bad rows</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n bad rows: nothing was imported. Fix them, or import the rest with --skip-bad-rows.</source>
        <translation><numerusform>%n bad row: nothing was imported. Fix it, or import the rest with --skip-bad-rows.</numerusform><numerusform>%n bad rows: nothing was imported. Fix them, or import the rest with --skip-bad-rows.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n bad rows skipped</source>
        <translation><numerusform>%n bad row skipped</numerusform><numerusform>%n bad rows skipped</numerusform></translation>
    </message>
</context>
<context>
    <name>PortfolioReport</name>
    <message numerus="yes">
        <source>renewal within %n days</source>
        <translation><numerusform>renewal within %n day</numerusform><numerusform>renewal within %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>PortfolioReportRenderer</name>
    <message numerus="yes">
        <source>%1 · %n accounts · as of %2</source>
        <translation><numerusform>%1 · %n account · as of %2</numerusform><numerusform>%1 · %n accounts · as of %2</numerusform></translation>
    </message>
</context>
<context>
    <name>RuleSuggester</name>
    <message numerus="yes">
        <source>Suggested: %n criteria. Checked on the %1 later cases (outcomes after %2, %3 churned), their ROC AUC is %4; the active rules' on the same cases: %5.</source>
        <translation><numerusform>Suggested: %n criterion. Checked on the %1 later cases (outcomes after %2, %3 churned), its ROC AUC is %4; the active rules' on the same cases: %5.</numerusform><numerusform>Suggested: %n criteria. Checked on the %1 later cases (outcomes after %2, %3 churned), their ROC AUC is %4; the active rules' on the same cases: %5.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Too few outcomes: %n churn(s) recorded up to %1.</source>
        <translation><numerusform>Too few outcomes: %n churn recorded up to %1.</numerusform><numerusform>Too few outcomes: %n churns recorded up to %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>TeamPush</name>
    <message numerus="yes">
        <source>%n events</source>
        <translation><numerusform>%n event</numerusform><numerusform>%n events</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n connector cursors</source>
        <translation><numerusform>%n connector cursor</numerusform><numerusform>%n connector cursors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n sources</source>
        <translation><numerusform>%n source</numerusform><numerusform>%n sources</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n accounts</source>
        <translation><numerusform>%n account</numerusform><numerusform>%n accounts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n account keys</source>
        <translation><numerusform>%n account key</numerusform><numerusform>%n account keys</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n outcomes</source>
        <translation><numerusform>%n outcome</numerusform><numerusform>%n outcomes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n settings</source>
        <translation><numerusform>%n setting</numerusform><numerusform>%n settings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n rule set versions</source>
        <translation><numerusform>%n rule set version</numerusform><numerusform>%n rule set versions</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n actions</source>
        <translation><numerusform>%n action</numerusform><numerusform>%n actions</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n action history entries</source>
        <translation><numerusform>%n action history entry</numerusform><numerusform>%n action history entries</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n account notes</source>
        <translation><numerusform>%n account note</numerusform><numerusform>%n account notes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n rows of %1</source>
        <translation><numerusform>%n row of %1</numerusform><numerusform>%n rows of %1</numerusform></translation>
    </message>
</context>
<context>
    <name>tenure::ActionQueueView</name>
    <message numerus="yes">
        <source>%n actions</source>
        <translation><numerusform>%n action</numerusform><numerusform>%n actions</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n accounts</source>
        <translation><numerusform>%n account</numerusform><numerusform>%n accounts</numerusform></translation>
    </message>
</context>
<context>
    <name>tenure::CustomersView</name>
    <message numerus="yes">
        <source>%n customers</source>
        <translation><numerusform>%n customer</numerusform><numerusform>%n customers</numerusform></translation>
    </message>
</context>
<context>
    <name>tenure::MainWindow</name>
    <message numerus="yes">
        <source>%n note(s) you wrote while the server was away could not be sent; they are under Show Details, to keep.</source>
        <translation><numerusform>%n note you wrote while the server was away could not be sent; it is under Show Details, to keep.</numerusform><numerusform>%n notes you wrote while the server was away could not be sent; they are under Show Details, to keep.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n accounts</source>
        <translation><numerusform>%n account</numerusform><numerusform>%n accounts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n open actions</source>
        <translation><numerusform>%n open action</numerusform><numerusform>%n open actions</numerusform></translation>
    </message>
</context>
<context>
    <name>tenure::OverviewView</name>
    <message numerus="yes">
        <source>%n accounts</source>
        <translation><numerusform>%n account</numerusform><numerusform>%n accounts</numerusform></translation>
    </message>
</context>
<context>
    <name>tenure::ReportActions</name>
    <message numerus="yes">
        <source>Wrote %1 (%n pages).</source>
        <translation><numerusform>Wrote %1 (%n page).</numerusform><numerusform>Wrote %1 (%n pages).</numerusform></translation>
    </message>
</context>
<context>
    <name>tenure::TeamService</name>
    <message numerus="yes">
        <source>%n new events</source>
        <translation><numerusform>%n new event</numerusform><numerusform>%n new events</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n statuses</source>
        <translation><numerusform>%n status</numerusform><numerusform>%n statuses</numerusform></translation>
    </message>
</context>
</TS>