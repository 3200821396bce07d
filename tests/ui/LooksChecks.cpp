#include "LooksChecks.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTabBar>
#include <QTableView>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QToolButton>

#include <cmath>

namespace tenure::test {

namespace {

constexpr double kReadable = 4.5;
constexpr int kSlack = 1; // pixels: advances are rounded

double luminance(const QColor& c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

// A widget as people would find it: its class, name and text, and where it lives.
QString describe(const QWidget* w, const QString& text = {})
{
    QStringList path;
    for (const QWidget* p = w->parentWidget(); p && path.size() < 3; p = p->parentWidget()) {
        if (!p->objectName().isEmpty() && !p->objectName().startsWith(QLatin1String("qt_")))
            path.prepend(QString::fromLatin1(p->metaObject()->className()) + u'#' + p->objectName());
        else
            path.prepend(QString::fromLatin1(p->metaObject()->className()));
    }
    QString self = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        self += u'#' + w->objectName();
    if (!text.isEmpty())
        self += QStringLiteral(" \"%1\"").arg(text.left(60));
    return path.join(QStringLiteral(" > ")) + QStringLiteral(" > ") + self;
}

QString withoutMnemonic(QString text)
{
    static const QRegularExpression mnemonic(QStringLiteral("&(?!&)"));
    text.remove(mnemonic);
    return text.replace(QStringLiteral("&&"), QStringLiteral("&"));
}

int widestLine(const QFontMetrics& metrics, const QString& text)
{
    int widest = 0;
    for (const QString& line : text.split(u'\n'))
        widest = std::max(widest, metrics.horizontalAdvance(line));
    return widest;
}

// What the text of `w` is drawn on: the first of it and its parents that fills its background.
QColor backgroundOf(const QWidget* w)
{
    for (const QWidget* p = w; p; p = p->parentWidget()) {
        if (p->autoFillBackground() || p->isWindow())
            return p->palette().color(p->backgroundRole());
    }
    return w->palette().color(QPalette::Window);
}

bool isRich(const QLabel* label)
{
    return label->textFormat() == Qt::RichText
        || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
}

void checkLabel(QLabel* label, QStringList& problems)
{
    const QString text = label->text();
    if (text.isEmpty())
        return;
    const QRect room = label->contentsRect().adjusted(label->margin(), label->margin(), -label->margin(),
                                                      -label->margin());
    const QColor fg = label->palette().color(label->foregroundRole());
    const QColor bg = backgroundOf(label);
    if (contrastRatio(fg, bg) < kReadable)
        problems << QStringLiteral("hard to read (%1:1, %2 on %3): %4")
                        .arg(contrastRatio(fg, bg), 0, 'f', 1)
                        .arg(fg.name(), bg.name(), describe(label, text));
    if (isRich(label)) {
        QTextDocument doc;
        doc.setDefaultFont(label->font());
        doc.setDocumentMargin(0);
        doc.setHtml(text);
        for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextFragment fragment = it.fragment();
                const QTextCharFormat format = fragment.charFormat();
                const bool ownFg = format.foreground().style() != Qt::NoBrush;
                const bool ownBg = format.background().style() != Qt::NoBrush;
                if (!ownFg && !ownBg)
                    continue;
                const QColor runFg = ownFg ? format.foreground().color() : fg;
                const QColor runBg = ownBg ? format.background().color() : bg;
                if (contrastRatio(runFg, runBg) < kReadable)
                    problems << QStringLiteral("hard to read (%1:1, %2 on %3): \"%4\" in %5")
                                    .arg(contrastRatio(runFg, runBg), 0, 'f', 1)
                                    .arg(runFg.name(), runBg.name(), fragment.text().trimmed(),
                                         describe(label));
            }
        }
        if (label->wordWrap()) {
            doc.setTextWidth(room.width());
            if (doc.size().height() > room.height() + 2)
                problems << QStringLiteral("text cut at the bottom (%1 of %2 px high): %3")
                                .arg(int(doc.size().height()))
                                .arg(room.height())
                                .arg(describe(label, doc.toPlainText()));
            return;
        }
        const int needed = int(std::ceil(doc.idealWidth()));
        if (needed > room.width() + kSlack)
            problems << QStringLiteral("text cut (%1 of %2 px): %3")
                            .arg(room.width())
                            .arg(needed)
                            .arg(describe(label, doc.toPlainText()));
        return;
    }
    const QString shown = label->buddy() ? withoutMnemonic(text) : text;
    if (label->wordWrap()) {
        const int height = label->heightForWidth(label->width());
        if (height > label->height() + 2)
            problems << QStringLiteral("text cut at the bottom (%1 of %2 px high): %3")
                            .arg(label->height())
                            .arg(height)
                            .arg(describe(label, shown));
        return;
    }
    const QFontMetrics metrics = label->fontMetrics();
    int available = room.width();
    if (label->indent() > 0)
        available -= label->indent();
    const int needed = widestLine(metrics, shown);
    if (needed > available + kSlack)
        problems << QStringLiteral("text cut (%1 of %2 px): %3")
                        .arg(available)
                        .arg(needed)
                        .arg(describe(label, shown));
    const int lines = int(shown.count(u'\n')) + 1;
    if (metrics.height() * lines > room.height() + 2)
        problems << QStringLiteral("text cut at the bottom (%1 of %2 px high): %3")
                        .arg(room.height())
                        .arg(metrics.height() * lines)
                        .arg(describe(label, shown));
}

void checkButton(QAbstractButton* button, QStringList& problems)
{
    const QString text = withoutMnemonic(button->text());
    if (text.isEmpty())
        return;
    const QFontMetrics metrics = button->fontMetrics();
    int needed = widestLine(metrics, text);
    int available = button->width();
    QStyle* style = button->style();
    if (!button->icon().isNull())
        needed += button->iconSize().width() + 4;
    if (auto* push = qobject_cast<QPushButton*>(button)) {
        QStyleOptionButton option;
        option.initFrom(push);
        option.text = push->text();
        option.icon = push->icon();
        option.iconSize = push->iconSize();
        if (push->isFlat())
            option.features |= QStyleOptionButton::Flat;
        if (push->menu()) {
            option.features |= QStyleOptionButton::HasMenu;
            needed += style->pixelMetric(QStyle::PM_MenuButtonIndicator, &option, push);
        }
        available = style->subElementRect(QStyle::SE_PushButtonContents, &option, push).width();
    } else if (qobject_cast<QCheckBox*>(button) || qobject_cast<QRadioButton*>(button)) {
        QStyleOptionButton option;
        option.initFrom(button);
        option.text = button->text();
        const bool check = qobject_cast<QCheckBox*>(button);
        available = style
                        ->subElementRect(check ? QStyle::SE_CheckBoxContents : QStyle::SE_RadioButtonContents,
                                         &option, button)
                        .width();
    } else if (auto* tool = qobject_cast<QToolButton*>(button)) {
        if (tool->toolButtonStyle() == Qt::ToolButtonIconOnly
            || (tool->toolButtonStyle() == Qt::ToolButtonFollowStyle && !tool->icon().isNull()))
            return;
        available -= 6;
    }
    if (needed > available + kSlack)
        problems << QStringLiteral("text cut (%1 of %2 px): %3")
                        .arg(available)
                        .arg(needed)
                        .arg(describe(button, text));
    const QColor fg = button->palette().color(button->foregroundRole());
    const QColor bg = qobject_cast<QPushButton*>(button) ? button->palette().color(QPalette::Button)
                                                         : backgroundOf(button);
    if (button->isEnabled() && contrastRatio(fg, bg) < kReadable)
        problems << QStringLiteral("hard to read (%1:1, %2 on %3): %4")
                        .arg(contrastRatio(fg, bg), 0, 'f', 1)
                        .arg(fg.name(), bg.name(), describe(button, text));
}

void checkHeader(QHeaderView* header, QStringList& problems)
{
    QAbstractItemModel* model = header->model();
    if (!model)
        return;
    const int count = header->orientation() == Qt::Horizontal ? model->columnCount() : 0;
    const QFontMetrics metrics = header->fontMetrics();
    QStyle* style = header->style();
    const int margin = style->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    for (int section = 0; section < count; ++section) {
        if (header->isSectionHidden(section) || header->sectionSize(section) <= 0)
            continue;
        const QString text = model->headerData(section, header->orientation(), Qt::DisplayRole).toString();
        if (text.isEmpty())
            continue;
        int needed = widestLine(metrics, text) + 2 * margin;
        if (header->isSortIndicatorShown() && header->sortIndicatorSection() == section)
            needed += style->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header) + margin;
        if (needed <= header->sectionSize(section) + kSlack)
            continue;
        const bool elidesOnPurpose
            = !model->headerData(section, header->orientation(), Qt::ToolTipRole).toString().isEmpty()
            && header->textElideMode() != Qt::ElideNone;
        if (!elidesOnPurpose)
            problems << QStringLiteral("header text cut (%1 of %2 px): %3")
                            .arg(header->sectionSize(section))
                            .arg(needed)
                            .arg(describe(header, text));
    }
}

void checkTabs(QTabBar* tabs, QStringList& problems)
{
    const QFontMetrics metrics = tabs->fontMetrics();
    const bool horizontal = tabs->shape() == QTabBar::RoundedNorth || tabs->shape() == QTabBar::RoundedSouth
        || tabs->shape() == QTabBar::TriangularNorth || tabs->shape() == QTabBar::TriangularSouth;
    for (int i = 0; i < tabs->count(); ++i) {
        if (!tabs->isTabVisible(i))
            continue;
        const QString text = withoutMnemonic(tabs->tabText(i));
        int needed = metrics.horizontalAdvance(text) + 4;
        if (!tabs->tabIcon(i).isNull())
            needed += tabs->iconSize().width() + 4;
        const QRect rect = tabs->tabRect(i);
        const int size = horizontal ? rect.width() : rect.height();
        if (needed > size + kSlack && !(tabs->elideMode() != Qt::ElideNone && !tabs->tabToolTip(i).isEmpty()))
            problems << QStringLiteral("tab text cut (%1 of %2 px): %3")
                            .arg(size)
                            .arg(needed)
                            .arg(describe(tabs, text));
    }
}

// Cells with colours of their own, and normal text on base.
void checkItemView(QAbstractItemView* view, QStringList& problems)
{
    const QPalette palette = view->palette();
    const double normal = contrastRatio(palette.color(QPalette::Text), palette.color(QPalette::Base));
    if (normal < kReadable)
        problems << QStringLiteral("normal text hard to read on base (%1:1): %2")
                        .arg(normal, 0, 'f', 1)
                        .arg(describe(view));
    QAbstractItemModel* model = view->model();
    if (!model)
        return;
    const int rows = std::min(model->rowCount(view->rootIndex()), 60);
    const int columns = model->columnCount(view->rootIndex());
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < columns; ++column) {
            const QModelIndex index = model->index(row, column, view->rootIndex());
            const QVariant fgData = index.data(Qt::ForegroundRole);
            const QVariant bgData = index.data(Qt::BackgroundRole);
            if (!fgData.isValid() && !bgData.isValid())
                continue;
            if (index.data(Qt::DisplayRole).toString().isEmpty())
                continue;
            // The customer list draws the band as a badge of its own (checked on its own).
            if (view->itemDelegateForIndex(index)->inherits("tenure::CustomerListDelegate")
                && index.data(Qt::UserRole + 2).isValid())
                continue;
            auto colorOf = [](const QVariant& v, const QColor& fallback) {
                if (v.canConvert<QBrush>() && v.value<QBrush>().style() != Qt::NoBrush)
                    return v.value<QBrush>().color();
                if (v.canConvert<QColor>() && v.value<QColor>().isValid())
                    return v.value<QColor>();
                return fallback;
            };
            const QColor fg = colorOf(fgData, palette.color(QPalette::Text));
            const QColor bg = colorOf(bgData, palette.color(QPalette::Base));
            const double ratio = contrastRatio(fg, bg);
            if (ratio < kReadable)
                problems << QStringLiteral("cell hard to read (%1:1, %2 on %3): \"%4\" (column %5) in %6")
                                .arg(ratio, 0, 'f', 1)
                                .arg(fg.name(), bg.name(), index.data().toString().left(40))
                                .arg(column)
                                .arg(describe(view));
        }
    }
}

// Cells whose text is wider than the cell, without a tooltip to read it in full.
void checkCells(QAbstractItemView* view, QStringList& problems)
{
    QAbstractItemModel* model = view->model();
    if (!model || !view->viewport()->isVisible())
        return;
    const QRect visible = view->viewport()->rect();
    QStyle* style = view->style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
    int reported = 0;
    for (int row = 0; row < std::min(model->rowCount(view->rootIndex()), 200) && reported < 5; ++row) {
        for (int column = 0; column < model->columnCount(view->rootIndex()); ++column) {
            const QModelIndex index = model->index(row, column, view->rootIndex());
            const QRect rect = view->visualRect(index);
            if (!rect.isValid() || !visible.intersects(rect) || rect.right() > visible.right())
                continue;
            const QString text = index.data(Qt::DisplayRole).toString();
            if (text.isEmpty() || index.data(Qt::UserRole + 2).isValid())
                continue;
            QFont font = view->font();
            if (const QVariant f = index.data(Qt::FontRole); f.canConvert<QFont>())
                font = f.value<QFont>();
            int needed = widestLine(QFontMetrics(font), text) + 2 * margin;
            if (!index.data(Qt::DecorationRole).isNull())
                needed += view->iconSize().isValid() ? view->iconSize().width() + 4
                                                     : style->pixelMetric(QStyle::PM_SmallIconSize) + 4;
            if (needed <= rect.width() + kSlack || !index.data(Qt::ToolTipRole).toString().isEmpty())
                continue;
            // A table that wraps its cells' text: cut only when the wrapped text is higher than
            // the row (or one word wider than the cell).
            if (const auto* table = qobject_cast<const QTableView*>(view); table && table->wordWrap()) {
                const QRect wrapped = QFontMetrics(font).boundingRect(
                    QRect(0, 0, rect.width() - 2 * margin, 1 << 20), Qt::TextWordWrap, text);
                if (wrapped.width() <= rect.width() - 2 * margin + kSlack
                    && wrapped.height() <= rect.height() + kSlack)
                    continue;
            }
            problems << QStringLiteral("cell text cut (%1 of %2 px, no tooltip): %3")
                            .arg(rect.width())
                            .arg(needed)
                            .arg(describe(view, text));
            ++reported;
        }
    }
}

void checkOverlaps(QWidget* parent, QStringList& problems)
{
    QList<QWidget*> children;
    for (QObject* object : parent->children()) {
        auto* child = qobject_cast<QWidget*>(object);
        if (child && !child->isWindow() && child->isVisible() && !child->geometry().isEmpty())
            children << child;
    }
    for (int i = 0; i < children.size(); ++i) {
        for (int j = i + 1; j < children.size(); ++j) {
            const QRect overlap = children[i]->geometry() & children[j]->geometry();
            if (overlap.width() > 2 && overlap.height() > 2)
                problems << QStringLiteral("overlapping (%1×%2 px): %3 and %4")
                                .arg(overlap.width())
                                .arg(overlap.height())
                                .arg(describe(children[i], children[i]->property("text").toString()),
                                     describe(children[j], children[j]->property("text").toString()));
        }
    }
}

void walk(QWidget* widget, QStringList& problems)
{
    if (!widget->isVisible() || widget->width() <= 0 || widget->height() <= 0)
        return;
    if (auto* label = qobject_cast<QLabel*>(widget); label && label->isEnabled())
        checkLabel(label, problems);
    else if (auto* button = qobject_cast<QAbstractButton*>(widget))
        checkButton(button, problems);
    else if (auto* header = qobject_cast<QHeaderView*>(widget))
        checkHeader(header, problems);
    else if (auto* tabs = qobject_cast<QTabBar*>(widget))
        checkTabs(tabs, problems);
    else if (auto* view = qobject_cast<QAbstractItemView*>(widget)) {
        checkItemView(view, problems);
        checkCells(view, problems);
    }
    checkOverlaps(widget, problems);
    for (QObject* object : widget->children()) {
        if (auto* child = qobject_cast<QWidget*>(object); child && !child->isWindow())
            walk(child, problems);
    }
}

} // namespace

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QStringList looksProblems(QWidget* root)
{
    QStringList problems;
    walk(root, problems);
    problems.removeDuplicates();
    return problems;
}

} // namespace tenure::test
