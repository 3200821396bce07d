#!/usr/bin/env python3
"""Writes the CSV fixtures of the importer tests with explicit encodings, so the bytes are real
(CP932 as Japanese Excel writes it, UTF-16LE with a byte-order mark as Excel's "Unicode text").
The generated files are committed; run this only to change them."""


def write(name, text, encoding, prefix=b""):
    with open(name, "wb") as f:
        f.write(prefix + text.encode(encoding))


write("accounts-ja-cp932.csv",
      "取引先ID,取引先名,担当者,プラン,年間契約金額,ライセンス数,契約開始日,契約更新日,業種\r\n"
      "JP-001,株式会社さくら商事,山田 太郎,エンタープライズ,\"￥12,000,000\",120,2024/04/01,2027/03/31,製造業\r\n"
      "JP-002,ひまわり物流株式会社,佐藤 花子,スタンダード,\"3,600,000円\",25,2025年1月15日,2026年1月14日,物流\r\n"
      "JP-003,有限会社①テクノ～ラボ,鈴木 一郎,ライト,480000,５,2025-06-01,,ＩＴ\r\n",
      "cp932")

write("accounts-utf8-bom.csv",
      "Account ID,Account Name,Owner,Plan,ARR,Seats,Signup Date,Renewal Date,Region\n"
      "A-1,Acme Corp,Dana,Pro,\"$48,000\",40,2024-02-01,2026-12-31,EMEA\n"
      "A-2,\"Globex, Inc.\",Lee,Basic,9600,10,2025-03-15,2026-03-14,AMER\n",
      "utf-8", b"\xef\xbb\xbf")

write("events-utf16.csv",
      "event_id\taccount_id\tuser_id\tevent\ttimestamp\tcount\tplatform\r\n"
      "e1\tA-1\tu1\tlogin\t2026-11-01 09:00:00\t1\tweb\r\n"
      "e2\tA-1\tu2\treport_created\t2026-11-02T10:30:00Z\t3\tios\r\n"
      "e3\tA-2\tu9\tlogin\t2026/11/03\t\tweb\r\n",
      "utf-16-le", b"\xff\xfe")

# Semicolons, an embedded newline, doubled quotes, a delimiter inside quotes.
write("events-quoted.csv",
      'id;account;event;time;note\n'
      'q1;A-1;comment_added;2026-11-05 08:00;"first line\nsecond line"\n'
      'q2;A-1;comment_added;2026-11-05 09:00;"she said ""hello""; then left"\n'
      'q3;A-2;login;2026-11-06 07:15;plain\n',
      "utf-8")

# Bad rows: a day-first date on line 3, no account on line 4, a bad count on line 7 (the record
# on line 5 spans lines 5 and 6).
write("events-bad.csv",
      "event_id,account_id,event,timestamp,usage_count\n"
      "b1,A-1,login,2026-11-01,1\n"
      "b2,A-1,login,27/11/2026,1\n"
      "b3,,login,2026-11-02,1\n"
      "b4,A-2,\"multi\nline\",2026-11-03,2\n"
      "b5,A-2,login,2026-11-04,lots\n"
      "b6,A-2,login,2026-11-05,1\n",
      "utf-8")

write("subscriptions.csv",
      "subscription_id,account_id,plan_tier\n"
      "S-1,A-1,Pro\n"
      "S-2,A-1,Pro\n"
      "S-3,A-2,Basic\n",
      "utf-8")

write("usage-by-subscription.csv",
      "usage_id,subscription_id,usage_date,feature_name,usage_count\n"
      "U-1,S-1,2026-11-01,dashboards,9\n"
      "U-2,S-2,2026-11-01,exports,2\n"
      "U-3,S-3,2026-11-02,dashboards,1\n"
      "U-4,S-9,2026-11-02,dashboards,4\n",
      "utf-8")

write("outcomes.csv",
      "outcome_id,account_id,outcome,date,amount,reason\n"
      "o1,A-1,renewed,2025-12-31,\"48,000\",happy\n"
      "o2,A-2,解約,2026-03-14,9600,price\n"
      "o3,A-404,churned,2026-03-14,1,unknown account\n",
      "utf-8")
