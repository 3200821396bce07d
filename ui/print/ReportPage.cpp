#include "print/ReportPage.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>

namespace tenure {

namespace {
constexpr qreal kFooterHeight = 18;
}

ReportPage::ReportPage(QPagedPaintDevice* device, Pass pass, QString footerLeft, int totalPages)
    : m_device(device)
    , m_footerLeft(std::move(footerLeft))
    , m_totalPages(totalPages)
{
    if (pass == Pass::Paint) {
        m_painter = std::make_unique<QPainter>(device);
        m_painter->setRenderHint(QPainter::Antialiasing);
    }
    // Work in points whatever the device's resolution.
    const qreal scale = device->logicalDpiX() / 72.0;
    if (m_painter)
        m_painter->scale(scale, scale);
    s_fontScale = 1 / scale;
    const QSizeF size(device->width() / scale, device->height() / scale);
    m_area = QRectF(QPointF(0, 0), QSizeF(size.width(), size.height() - kFooterHeight));
    m_y = m_area.top();
}

ReportPage::~ReportPage()
{
    if (m_painter) {
        drawFooter();
        m_painter->end();
    }
    s_fontScale = 1; // charts painted on screen afterwards use plain point sizes
}

int ReportPage::render(QPagedPaintDevice* device, const QString& footerLeft,
                       const std::function<void(ReportPage&)>& layout)
{
    int pages = 0;
    {
        ReportPage measure(device, Pass::Measure, footerLeft);
        layout(measure);
        pages = measure.pagesUsed();
    }
    ReportPage page(device, Pass::Paint, footerLeft, pages);
    layout(page);
    return page.pagesUsed();
}

QFont ReportPage::font(qreal pointSize, bool bold)
{
    // A Latin family first, then a Japanese one. Qt writes each embedded font's ToUnicode table
    // from the font's own character map, taking the lowest code point of a glyph: Noto Sans CJK
    // and IPAex share their ideograph glyphs with the Kangxi radicals, so "高橋" would copy and
    // search as "⾼橋"; Noto Sans CJK's Latin run even loses its digits. VL Gothic has no radical
    // twins, so Japanese text in a report PDF copies, searches and extracts as written.
    static const QStringList families = [] {
        QStringList list;
        for (const char* latin : { "Noto Sans", "DejaVu Sans" })
            if (QFontDatabase::hasFamily(QString::fromLatin1(latin))) {
                list << QString::fromLatin1(latin);
                break;
            }
        for (const char* japanese : { "VL Gothic", "VL PGothic", "Noto Sans CJK JP" })
            if (QFontDatabase::hasFamily(QString::fromLatin1(japanese)))
                list << QString::fromLatin1(japanese);
        if (list.isEmpty())
            list << QFontDatabase::systemFont(QFontDatabase::GeneralFont).family();
        return list;
    }();
    QFont font;
    font.setFamilies(families);
    font.setPointSizeF(pointSize * s_fontScale);
    font.setBold(bold);
    return font;
}

bool ReportPage::ensure(qreal height)
{
    if (m_y + height <= m_area.bottom() || m_y <= m_area.top() + 0.5)
        return false;
    newPage();
    return true;
}

void ReportPage::newPage()
{
    if (m_painter) {
        drawFooter();
        m_device->newPage();
    }
    ++m_page;
    m_y = m_area.top();
    if (m_onNewPage)
        m_onNewPage();
}

QString ReportPage::elided(const QString& text, const QFont& font, qreal width) const
{
    return QFontMetricsF(font, m_device).elidedText(text, Qt::ElideRight, width);
}

int ReportPage::wrapping(const QString& text, const QFont& font, qreal width, int flags) const
{
    // A word wider than the box (a long name without spaces) would run past its edge: such a
    // text wraps anywhere instead.
    if (!(flags & Qt::TextWordWrap))
        return flags;
    const QFontMetricsF metrics(font, m_device);
    if (metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text).width() <= width + 0.5)
        return flags;
    return (flags & ~Qt::TextWordWrap) | Qt::TextWrapAnywhere;
}

qreal ReportPage::heightOf(const QString& text, const QFont& font, qreal width, int flags) const
{
    const QFontMetricsF metrics(font, m_device);
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), wrapping(text, font, width, flags), text).height();
}

qreal ReportPage::textIn(const QRectF& box, const QString& text, const QFont& font, const QColor& color,
                         int flags)
{
    if (m_painter) {
        m_painter->setFont(font);
        m_painter->setPen(color);
        m_painter->drawText(box, wrapping(text, font, box.width(), flags), text);
    }
    return heightOf(text, font, box.width(), flags);
}

void ReportPage::paragraph(const QString& text, const QFont& font, const QColor& color, qreal spaceAfter)
{
    const qreal height = heightOf(text, font, m_area.width());
    ensure(height);
    textIn(QRectF(m_area.left(), m_y, m_area.width(), height), text, font, color);
    m_y += height + spaceAfter;
}

void ReportPage::drawFooter()
{
    const QRectF footer(m_area.left(), m_area.bottom() + 4, m_area.width(), kFooterHeight - 4);
    m_painter->setPen(QColor(0xbb, 0xbb, 0xbb));
    m_painter->drawLine(footer.topLeft(), footer.topRight());
    const QFont small = font(7.5);
    const QString number
        = m_totalPages > 0 ? tr("Page %1 of %2").arg(m_page).arg(m_totalPages) : tr("Page %1").arg(m_page);
    const QFontMetricsF metrics(small, m_device);
    // One line each, side by side: the left text gets what the page number leaves.
    const qreal leftWidth = std::max<qreal>(0, footer.width() - metrics.horizontalAdvance(number) - 12);
    QString left = m_footerLeft;
    if (m_footerSubject) {
        const qreal fixed = metrics.horizontalAdvance(m_footerLeft.arg(QString()));
        left = m_footerLeft.arg(elided(*m_footerSubject, small, std::max<qreal>(leftWidth - fixed, 40)));
    }
    textIn(footer.adjusted(0, 3, 0, 0), elided(left, small, leftWidth), small, QColor(0x66, 0x66, 0x66),
           Qt::AlignLeft | Qt::AlignTop);
    textIn(footer.adjusted(0, 3, 0, 0), number, small, QColor(0x66, 0x66, 0x66),
           Qt::AlignRight | Qt::AlignTop);
}

} // namespace tenure
