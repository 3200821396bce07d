#pragma once

#include "rules/EventNames.h"
#include "rules/RuleSet.h"
#include "rules/RulesView.h"
#include "tuning/Backtest.h"
#include "tuning/RuleSuggester.h"

#include <QWidget>

#include <memory>

class QChartView;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableWidget;

namespace tenure {

class BacktestWorker;
class RuleSetEditor;
class SuggestWorker;

// The Tuning view: backtests the active rules and an edited copy of them (the candidate) on the
// same cases, on a worker thread with progress and cancel, and shows them side by side: AUC,
// the "Bad" flag's precision and recall, churn and expansion by band, per-criterion evidence
// with Wilson intervals and suggested cut-offs, ROC curves and score distributions. "Adopt
// candidate" saves it as the new version of the rules, which rebuilds the summaries. "Suggest
// Rules…" fits rules to the workspace's own outcomes (RuleSuggester, on a worker thread), shows
// why each criterion is there and how the fit did on later outcomes against the active rules,
// and can make the suggestion the candidate.
class TuningView : public QWidget
{
    Q_OBJECT

public:
    explicit TuningView(QWidget* parent = nullptr);
    ~TuningView() override;

    void setWorkspace(const QString& path);
    // Where Adopt stores the candidate (see RulesView::setSaver); `reason`: why this user cannot.
    void setSaver(RulesView::Saver saver, const QString& reason = {});
    // Reloads the active rules (after a save elsewhere); keeps an edited candidate.
    void refresh();
    void runBacktest();
    void suggestRules();
    void cancel();
    RuleSetEditor* candidateEditor() const { return m_editor; }
    const QList<BacktestReport>& reports() const { return m_reports; }
    const std::optional<Suggestion>& suggestion() const { return m_suggestion; }

signals:
    void finished();
    void failed(const QString& message);
    // A suggestion came back (suggested or not), or could not be made.
    void suggestionFinished();
    void suggestionFailed(const QString& message);
    // The candidate was saved as this version: the engine should score (and rebuild) now.
    void adopted(int version);

protected:
    void changeEvent(QEvent* event) override; // the charts follow a dark or light palette
    bool eventFilter(QObject* watched, QEvent* event) override; // the summary's columns follow its width

private:
    void loadActive(bool resetCandidate);
    void showReports(const QList<BacktestReport>& reports);
    void fitSummaryColumns();
    void placeSplitter();
    void showCriteria();
    void adopt();
    void setRunning(bool running);
    void showSuggestion();
    void useSuggestion();

    QString m_path;
    RulesView::Saver m_saver;
    QString m_cannotSave;
    std::unique_ptr<BacktestWorker> m_worker;
    RuleSet m_active;
    EventNames::Known m_eventNames; // of the workspace's log, read so far
    int m_generation = 0; // of setWorkspace(): a load begun before it lands ignored
    bool m_haveActive = false;
    bool m_placeSplitter = true; // until the user moves the splitter
    bool m_runWhenLoaded = false;
    bool m_suggestWhenLoaded = false;
    QList<BacktestReport> m_reports;
    std::unique_ptr<SuggestWorker> m_suggester;
    std::optional<Suggestion> m_suggestion;
    RuleSetEditor* m_editor;
    QComboBox* m_horizon;
    QPushButton* m_run;
    QPushButton* m_suggest;
    QPushButton* m_cancel;
    QPushButton* m_adopt;
    QPushButton* m_reset;
    QProgressBar* m_progress;
    QLabel* m_status;
    QTableWidget* m_summary;
    QComboBox* m_criteriaOf;
    QTableWidget* m_criteria;
    QChartView* m_roc;
    QChartView* m_bands;
    QChartView* m_distribution;
    QTabWidget* m_results;
    QWidget* m_suggestionPage;
    QLabel* m_suggestionText;
    QTableWidget* m_suggestionTable;
    QLabel* m_suggestionExcluded;
    QPushButton* m_useSuggestion;
    QSplitter* m_splitter;
};

} // namespace tenure
