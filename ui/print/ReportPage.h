#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QRectF>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QPagedPaintDevice;
class QPainter;

namespace tenure {

// Lays a report out on the pages of a printer or PDF writer, top to bottom: a cursor, page
// breaks, a footer with the generation date and "Page N of M" on every page. A renderer runs
// twice: once measuring (nothing is painted, pages are counted), once painting with the total
// known. Coordinates are points (1/72 inch) inside the margins; everything is drawn as vectors.
class ReportPage
{
    Q_DECLARE_TR_FUNCTIONS(ReportPage)

public:
    enum class Pass { Measure, Paint };

    ReportPage(QPagedPaintDevice* device, Pass pass, QString footerLeft, int totalPages = 0);
    ~ReportPage();

    ReportPage(const ReportPage&) = delete;
    ReportPage& operator=(const ReportPage&) = delete;

    // Null while measuring: guard any direct painting with it.
    QPainter* painter() const { return m_painter.get(); }
    QRectF area() const { return m_area; } // the page inside the margins, footer excluded
    qreal y() const { return m_y; }
    void advance(qreal dy) { m_y += dy; }
    qreal remaining() const { return m_area.bottom() - m_y; }
    int page() const { return m_page; }
    bool painting() const { return m_painter != nullptr; }

    // Starts a new page when fewer than `height` points are left; true when it did.
    bool ensure(qreal height);
    void newPage();
    // The footer's left text is a format whose %1 is `subject` (e.g. an account's name): the
    // subject is elided so that the line never runs into the page number, the rest stays whole.
    void setFooterSubject(const QString& subject) { m_footerSubject = subject; }
    // Called after every page break (e.g. to repeat a table's header).
    void setOnNewPage(std::function<void()> callback) { m_onNewPage = std::move(callback); }

    // Text across the full width (or `width`) at the cursor, wrapped; moves the cursor below it.
    void paragraph(const QString& text, const QFont& font, const QColor& color = Qt::black,
                   qreal spaceAfter = 4);
    // Text in a box, not moving the cursor; returns the height it needs.
    qreal textIn(const QRectF& box, const QString& text, const QFont& font, const QColor& color = Qt::black,
                 int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
    qreal heightOf(const QString& text, const QFont& font, qreal width,
                   int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap) const;

    // The font reports use (a family with Japanese glyphs when the system has one), at
    // `pointSize` points on the page being laid out.
    static QFont font(qreal pointSize, bool bold = false);
    // `text` cut to `width` points with an ellipsis.
    QString elided(const QString& text, const QFont& font, qreal width) const;

    int pagesUsed() const { return m_page; }

    // Lays `layout` out twice, measuring then painting (so "Page N of M" knows M); returns M.
    static int render(QPagedPaintDevice* device, const QString& footerLeft,
                      const std::function<void(ReportPage&)>& layout);

private:
    void drawFooter();
    int wrapping(const QString& text, const QFont& font, qreal width, int flags) const;

    QPagedPaintDevice* m_device;
    std::unique_ptr<QPainter> m_painter;
    QString m_footerLeft;
    std::optional<QString> m_footerSubject;
    int m_totalPages;
    int m_page = 1;
    QRectF m_area;
    qreal m_y = 0;
    std::function<void()> m_onNewPage;
    // Fonts are sized for the device's resolution, and the painter is scaled to points on top:
    // font() divides by that scale so that text comes out at the size asked for.
    static inline thread_local qreal s_fontScale = 1;
};

} // namespace tenure
