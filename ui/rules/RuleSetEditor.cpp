#include "rules/RuleSetEditor.h"

#include "PlainText.h"
#include "ReadableColors.h"
#include "SplitterMemory.h"
#include "rules/ConditionEditor.h"
#include "rules/CriterionForm.h"
#include "rules/RuleErrorText.h"
#include "rules/RuleSetJson.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tenure {

namespace {

constexpr int kStageRole = Qt::UserRole;
constexpr int kCriterionRole = Qt::UserRole + 1;

} // namespace

RuleSetEditor::RuleSetEditor(QWidget* parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
    , m_splitter(new QSplitter(this))
    , m_pages(new QStackedWidget(this))
    , m_bands(new QTableWidget(0, 3, this))
    , m_stageName(new QLineEdit(this))
    , m_stageColor(new QLineEdit(this))
    , m_stageWhen(new ConditionEditor(this))
    , m_criterionForm(new CriterionForm(this))
    , m_problem(new QLabel(this))
{
    m_name->setObjectName(QStringLiteral("ruleSetName"));
    m_tree->setObjectName(QStringLiteral("ruleTree"));
    m_bands->setObjectName(QStringLiteral("bandsTable"));
    m_stageWhen->setObjectName(QStringLiteral("stageWhen"));
    m_problem->setObjectName(QStringLiteral("ruleProblem"));
    m_tree->setHeaderHidden(true);
    m_tree->setMinimumWidth(180);

    // Bands: name, colour, lowest score, best band first.
    auto* bandsPage = new QWidget(this);
    auto* bandsLayout = new QVBoxLayout(bandsPage);
    m_bands->setHorizontalHeaderLabels({ tr("Band"), tr("Colour"), tr("From score") });
    m_bands->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_bands->verticalHeader()->hide();
    auto* bandsHelp = new QLabel(
        tr("Best band first. A score belongs to the first band whose lowest score it reaches; the last "
           "band catches every score and starts at 0."),
        bandsPage);
    bandsHelp->setWordWrap(true);
    bandsLayout->addWidget(bandsHelp);
    bandsLayout->addWidget(m_bands, 1);
    m_pages->addWidget(bandsPage);

    // A stage: name, colour, when it applies.
    auto* stagePage = new QWidget(this);
    auto* stageForm = new QFormLayout(stagePage);
    // In a narrow pane (the Tuning view's, beside its results) a field goes under its label.
    stageForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_stageColor->setPlaceholderText(QStringLiteral("#1e88e5"));
    stageForm->addRow(tr("&Name:"), m_stageName);
    stageForm->addRow(tr("&Colour:"), m_stageColor);
    stageForm->addRow(tr("Applies &when:"), m_stageWhen);
    auto* stageHelp = new QLabel(tr("Stages are tried in order; the first whose condition holds is the "
                                    "account's stage. Its criteria make the health score."),
                                 stagePage);
    stageHelp->setWordWrap(true);
    stageForm->addRow(stageHelp);
    m_pages->addWidget(stagePage);
    m_pages->addWidget(m_criterionForm);

    auto* add = new QPushButton(tr("Add criterion"), this);
    add->setObjectName(QStringLiteral("addCriterion"));
    auto* remove = new QPushButton(tr("Remove criterion"), this);
    remove->setObjectName(QStringLiteral("removeCriterion"));
    auto* treeBox = new QWidget(this);
    auto* treeLayout = new QVBoxLayout(treeBox);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addWidget(m_tree, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    treeLayout->addLayout(buttons);

    m_splitter->setObjectName(QStringLiteral("ruleEditorSplitter"));
    m_splitter->addWidget(treeBox);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ 200, 400 }); // the page's tables whole; labels elide, with tooltips
    m_splitter->setChildrenCollapsible(false);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText); // validation errors quote labels and names
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* nameRow = new QFormLayout;
    nameRow->addRow(tr("Rule set &name:"), m_name);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(nameRow);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_problem);

    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* item) { showItem(item); });
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        if (m_json.value(QStringLiteral("name")).toString() != m_name->text()) {
            m_json.insert(QStringLiteral("name"), m_name->text());
            store();
        }
    });
    connect(m_bands, &QTableWidget::cellChanged, this, &RuleSetEditor::writeBands);
    connect(m_stageName, &QLineEdit::editingFinished, this, &RuleSetEditor::writeStage);
    connect(m_stageColor, &QLineEdit::editingFinished, this, &RuleSetEditor::writeStage);
    connect(m_stageWhen, &ConditionEditor::edited, this, &RuleSetEditor::writeStage);
    connect(m_criterionForm, &CriterionForm::edited, this, &RuleSetEditor::writeCriterion);
    connect(add, &QPushButton::clicked, this, &RuleSetEditor::addCriterion);
    connect(remove, &QPushButton::clicked, this, &RuleSetEditor::removeCriterion);
}

void RuleSetEditor::rememberSplitter(const QString& key, int treeWidth)
{
    if (treeWidth > 0)
        m_splitter->setSizes({ treeWidth, std::max(width() - treeWidth, treeWidth) });
    tenure::rememberSplitter(m_splitter, key);
}

void RuleSetEditor::setKnownEvents(const QStringList& names)
{
    m_criterionForm->setKnownEvents(names);
}

void RuleSetEditor::setRules(const RuleSet& rules)
{
    m_json = RuleSetJson::toObject(rules);
    m_modified = false;
    m_loading = true;
    m_name->setText(rules.name);
    m_loading = false;
    rebuildTree();
    m_problem->clear();
}

Result<RuleSet> RuleSetEditor::rules() const
{
    Result<RuleSet> parsed = RuleSetJson::fromObject(m_json);
    if (!parsed) // said as the forms show it: "Stage 4 “Adoption”, criterion 2", not "stages[3].criteria[1]"
        return Error { RuleErrorText::forPeople(parsed.error(), m_json) };
    return parsed;
}

QJsonArray RuleSetEditor::stages() const
{
    return m_json.value(QStringLiteral("stages")).toArray();
}

void RuleSetEditor::setStages(const QJsonArray& stages)
{
    m_json.insert(QStringLiteral("stages"), stages);
}

void RuleSetEditor::rebuildTree(int stage, int criterion)
{
    m_loading = true;
    m_tree->clear();
    auto* bands = new QTreeWidgetItem(m_tree, { tr("Bands") });
    bands->setData(0, kStageRole, -1);
    QStringList bandNames;
    QList<QColor> bandColors;
    for (const QJsonValue& band : m_json.value(QStringLiteral("bands")).toArray()) {
        bandNames << band.toObject().value(QStringLiteral("name")).toString();
        bandColors << QColor(band.toObject().value(QStringLiteral("color")).toString());
    }
    // A swatch as the stages have: every row as high, and the name beside theirs (without one,
    // a Japanese "バンド" had a row lower than its glyphs, its top cut off).
    bands->setIcon(0, stripedSwatch(bandColors));
    bands->setToolTip(0, PlainText::asRichText(bandNames.join(QStringLiteral(" · "))));
    QTreeWidgetItem* current = bands;
    const QJsonArray all = stages();
    for (int s = 0; s < all.size(); ++s) {
        const QJsonObject stageObject = all.at(s).toObject();
        auto* stageItem
            = new QTreeWidgetItem(m_tree, { stageObject.value(QStringLiteral("name")).toString() });
        stageItem->setData(0, kStageRole, s);
        stageItem->setData(0, kCriterionRole, -1);
        stageItem->setIcon(0, colorSwatch(QColor(stageObject.value(QStringLiteral("color")).toString())));
        stageItem->setToolTip(0, PlainText::asRichText(stageItem->text(0)));
        if (s == stage && criterion < 0)
            current = stageItem;
        const QJsonArray criteria = stageObject.value(QStringLiteral("criteria")).toArray();
        for (int c = 0; c < criteria.size(); ++c) {
            const QJsonObject criterionObject = criteria.at(c).toObject();
            auto* item = new QTreeWidgetItem(
                stageItem,
                { QStringLiteral("%1 (%2)")
                      .arg(criterionObject.value(QStringLiteral("label")).toString())
                      .arg(criterionObject.value(QStringLiteral("weight")).toDouble(1)) });
            // The tree is narrow: the whole label on hover.
            item->setToolTip(0, PlainText::asRichText(item->text(0)));
            item->setData(0, kStageRole, s);
            item->setData(0, kCriterionRole, c);
            if (s == stage && c == criterion)
                current = item;
        }
    }
    m_tree->expandAll();
    m_loading = false;
    m_tree->setCurrentItem(current);
    if (current == bands)
        m_tree->scrollToTop();
    showItem(current);
}

void RuleSetEditor::showItem(QTreeWidgetItem* item)
{
    if (!item || m_loading)
        return;
    m_loading = true;
    m_stage = item->data(0, kStageRole).toInt();
    m_criterion = m_stage < 0 ? -1 : item->data(0, kCriterionRole).toInt();
    if (m_stage < 0) {
        const QJsonArray bands = m_json.value(QStringLiteral("bands")).toArray();
        m_bands->setRowCount(int(bands.size()));
        for (int row = 0; row < bands.size(); ++row) {
            const QJsonObject band = bands.at(row).toObject();
            m_bands->setItem(row, 0, new QTableWidgetItem(band.value(QStringLiteral("name")).toString()));
            auto* color = new QTableWidgetItem(band.value(QStringLiteral("color")).toString());
            color->setData(Qt::DecorationRole, QColor(color->text()));
            m_bands->setItem(row, 1, color);
            m_bands->setItem(
                row, 2,
                new QTableWidgetItem(QString::number(band.value(QStringLiteral("min_score")).toDouble())));
        }
        m_pages->setCurrentIndex(BandsPage);
    } else if (m_criterion < 0) {
        const QJsonObject stage = stages().at(m_stage).toObject();
        m_stageName->setText(stage.value(QStringLiteral("name")).toString());
        m_stageColor->setText(stage.value(QStringLiteral("color")).toString());
        m_stageWhen->setValue(stage.value(QStringLiteral("when")));
        m_pages->setCurrentIndex(StagePage);
    } else {
        const QJsonObject stage = stages().at(m_stage).toObject();
        m_criterionForm->setCriterion(
            stage.value(QStringLiteral("criteria")).toArray().at(m_criterion).toObject());
        m_pages->setCurrentIndex(CriterionPage);
    }
    m_loading = false;
}

void RuleSetEditor::store()
{
    m_modified = true;
    const Result<RuleSet> valid = rules();
    m_problem->setText(valid ? QString() : tr("Not valid yet: %1").arg(valid.error()));
    m_problem->setStyleSheet(valid ? QString() : QStringLiteral("color: #c62828;"));
    emit changed();
}

void RuleSetEditor::writeBands()
{
    if (m_loading)
        return;
    QJsonArray bands;
    for (int row = 0; row < m_bands->rowCount(); ++row) {
        auto text = [&](int column) {
            const QTableWidgetItem* item = m_bands->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        bool ok = false;
        const double min = text(2).toDouble(&ok);
        bands.append(
            QJsonObject { { QStringLiteral("name"), text(0) },
                          { QStringLiteral("color"), text(1) },
                          // Left as text when it is not a number, so that validation names the row.
                          { QStringLiteral("min_score"), ok ? QJsonValue(min) : QJsonValue(text(2)) } });
    }
    m_json.insert(QStringLiteral("bands"), bands);
    store();
}

void RuleSetEditor::writeStage()
{
    if (m_loading || m_stage < 0 || m_criterion >= 0)
        return;
    QJsonArray all = stages();
    QJsonObject stage = all.at(m_stage).toObject();
    stage.insert(QStringLiteral("name"), m_stageName->text().trimmed());
    stage.insert(QStringLiteral("color"), m_stageColor->text().trimmed());
    const QJsonValue when = m_stageWhen->value();
    if (when.isUndefined())
        stage.remove(QStringLiteral("when"));
    else
        stage.insert(QStringLiteral("when"), when); // text that is no JSON object: validation says where
    all.replace(m_stage, stage);
    setStages(all);
    if (QTreeWidgetItem* item = m_tree->currentItem()) {
        item->setText(0, m_stageName->text().trimmed());
        item->setToolTip(0, PlainText::asRichText(item->text(0)));
        item->setIcon(0, colorSwatch(QColor(m_stageColor->text().trimmed())));
    }
    store();
}

void RuleSetEditor::writeCriterion(const QJsonObject& criterion)
{
    if (m_stage < 0 || m_criterion < 0)
        return;
    QJsonArray all = stages();
    QJsonObject stage = all.at(m_stage).toObject();
    QJsonArray criteria = stage.value(QStringLiteral("criteria")).toArray();
    criteria.replace(m_criterion, criterion);
    stage.insert(QStringLiteral("criteria"), criteria);
    all.replace(m_stage, stage);
    setStages(all);
    if (QTreeWidgetItem* item = m_tree->currentItem()) {
        item->setText(0,
                      QStringLiteral("%1 (%2)")
                          .arg(criterion.value(QStringLiteral("label")).toString())
                          .arg(criterion.value(QStringLiteral("weight")).toDouble(1)));
        item->setToolTip(0, PlainText::asRichText(item->text(0)));
    }
    store();
}

void RuleSetEditor::addCriterion()
{
    if (m_stage < 0)
        return;
    QJsonArray all = stages();
    QJsonObject stage = all.at(m_stage).toObject();
    QJsonArray criteria = stage.value(QStringLiteral("criteria")).toArray();
    // An id no criterion of the rule set has yet: ids name criteria in stored breakdowns.
    QSet<QString> taken;
    for (const QJsonValue& s : all)
        for (const QJsonValue& c : s.toObject().value(QStringLiteral("criteria")).toArray())
            taken.insert(c.toObject().value(QStringLiteral("id")).toString());
    QString id;
    for (int n = 1; taken.contains(id = QStringLiteral("criterion_%1").arg(n)); ++n) { }
    criteria.append(QJsonObject { { QStringLiteral("id"), id },
                                  { QStringLiteral("label"), tr("Events in the last 30 days") },
                                  { QStringLiteral("weight"), 10 },
                                  { QStringLiteral("measure"),
                                    QJsonObject { { QStringLiteral("kind"), QStringLiteral("event_count") },
                                                  { QStringLiteral("window_days"), 30 } } },
                                  { QStringLiteral("score"),
                                    QJsonObject { { QStringLiteral("mode"), QStringLiteral("pass") },
                                                  { QStringLiteral("op"), QStringLiteral(">=") },
                                                  { QStringLiteral("value"), 1 } } } });
    stage.insert(QStringLiteral("criteria"), criteria);
    all.replace(m_stage, stage);
    setStages(all);
    rebuildTree(m_stage, int(criteria.size() - 1));
    store();
}

void RuleSetEditor::removeCriterion()
{
    if (m_stage < 0 || m_criterion < 0)
        return;
    QJsonArray all = stages();
    QJsonObject stage = all.at(m_stage).toObject();
    QJsonArray criteria = stage.value(QStringLiteral("criteria")).toArray();
    criteria.removeAt(m_criterion);
    stage.insert(QStringLiteral("criteria"), criteria);
    all.replace(m_stage, stage);
    setStages(all);
    rebuildTree(m_stage, -1);
    store();
}

} // namespace tenure
