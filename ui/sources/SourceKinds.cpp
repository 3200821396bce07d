#include "sources/SourceKinds.h"

namespace tenure {

QString SourceKinds::connector(ConnectorConfig::Kind kind)
{
    switch (kind) {
    case ConnectorConfig::Kind::Rest:
        return tr("REST API");
    case ConnectorConfig::Kind::Mixpanel:
        return tr("Mixpanel export");
    case ConnectorConfig::Kind::Segment:
        return tr("Segment");
    }
    return ConnectorConfig::kindName(kind);
}

QString SourceKinds::source(const QString& kind)
{
    if (kind == QLatin1String("csv"))
        return tr("CSV import");
    if (kind == QLatin1String("demo"))
        return tr("Demo data");
    for (const ConnectorConfig::Kind known :
         { ConnectorConfig::Kind::Rest, ConnectorConfig::Kind::Mixpanel, ConnectorConfig::Kind::Segment })
        if (kind == ConnectorConfig::kindName(known))
            return connector(known);
    return kind;
}

QString SourceKinds::importKind(const QString& kind)
{
    if (kind == QLatin1String("accounts"))
        return tr("accounts");
    if (kind == QLatin1String("events"))
        return tr("usage events");
    if (kind == QLatin1String("outcomes"))
        return tr("outcomes");
    if (kind == QLatin1String("keys"))
        return tr("account keys");
    return kind;
}

} // namespace tenure
