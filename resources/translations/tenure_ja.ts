<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>AccountKeyStore</name>
    <message>
        <source>A key namespace needs a name.</source>
        <translation>キーの名前空間には名前が必要です。</translation>
    </message>
    <message>
        <source>Key "%1" → account "%2": both must be non-empty.</source>
        <translation>キー「%1」→ 顧客「%2」: どちらも空にはできません。</translation>
    </message>
    <message>
        <source>Cannot store key "%1": %2</source>
        <translation>キー「%1」を保存できません: %2</translation>
    </message>
</context>
<context>
    <name>AccountReport</name>
    <message>
        <source>No account "%1" in this workspace.</source>
        <translation>このワークスペースに顧客「%1」はありません。</translation>
    </message>
    <message>
        <source>The health-score engine has not scored this account yet.</source>
        <translation>この顧客はまだスコアリングされていません。</translation>
    </message>
    <message>
        <source>The %1 stage has no health criteria.</source>
        <translation>%1 ステージには健全性の基準がありません。</translation>
    </message>
    <message>
        <source>No breakdown is stored for this score; the next scoring pass adds it.</source>
        <translation>このスコアの内訳は保存されていません。次のスコアリングで追加されます。</translation>
    </message>
</context>
<context>
    <name>AccountReportRenderer</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>担当: %1</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>プラン: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n days left</source>
        <translation>
            <numerusform>あと %n 日</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n 日前</numerusform></translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>not scored yet</source>
        <translation>未スコア</translation>
    </message>
    <message>
        <source>%1 · score %2</source>
        <translation>%1 · スコア %2</translation>
    </message>
    <message>
        <source>no score in this stage</source>
        <translation>このステージはスコアなし</translation>
    </message>
    <message>
        <source>ARR</source>
        <translation>ARR</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>契約更新</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健全性</translation>
    </message>
    <message>
        <source>Why this score</source>
        <translation>スコアの内訳</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>基準</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>実績</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>しきい値</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>得点</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Stage timeline and health trend</source>
        <translation>ステージの推移と健全性スコア</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>利用状況</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去 30 日</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>過去 90 日</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント数</translation>
    </message>
    <message>
        <source>Active users</source>
        <translation>アクティブユーザー</translation>
    </message>
    <message>
        <source>Active days</source>
        <translation>利用日数</translation>
    </message>
    <message>
        <source>Most used in the last 90 days: %1</source>
        <translation>過去 90 日で最も使われた機能: %1</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未対応のアクション</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>なし。</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>きっかけ</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source> (snoozed until %1)</source>
        <translation>(%1 までスヌーズ)</translation>
    </message>
    <message>
        <source>Recent notes</source>
        <translation>最近のメモ</translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2: %3</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>  %1</source>
        <translation>  %1</translation>
    </message>
    <message>
        <source>%1 · account report as of %2 · generated %3 by Tenure</source>
        <translation>%1 · %2 時点の顧客レポート · %3 Tenure で作成</translation>
    </message>
    <message>
        <source>%1
(%2)</source>
        <translation>%1
(%2)</translation>
    </message>
</context>
<context>
    <name>AccountStore</name>
    <message>
        <source>Account %1 of %2 has no id.</source>
        <translation>%2 件中 %1 件目の顧客に ID がありません。</translation>
    </message>
    <message>
        <source>Account %1 (%2): %3</source>
        <translation>顧客 %1 (%2): %3</translation>
    </message>
    <message>
        <source>Outcome %1 of %2</source>
        <translation>%2 件中 %1 件目の結果</translation>
    </message>
    <message>
        <source>%1: the date is missing or invalid.</source>
        <translation>%1: 日付がないか、不正です。</translation>
    </message>
    <message>
        <source>%1: source and external id are required.</source>
        <translation>%1: データソースと外部 ID が必要です。</translation>
    </message>
    <message>
        <source>%1: account "%2" is not in this workspace.</source>
        <translation>%1: 顧客「%2」はこのワークスペースにありません。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ActionEngine</name>
    <message>
        <source>the condition no longer holds</source>
        <translation>条件を満たさなくなりました</translation>
    </message>
</context>
<context>
    <name>ActionRules</name>
    <message>
        <source>%1: expected a number ≥ %2</source>
        <translation>%1: %2 以上の数値が必要です</translation>
    </message>
    <message>
        <source>weights: at least one weight must be above 0</source>
        <translation>weights: 少なくとも 1 つの重みを 0 より大きくしてください</translation>
    </message>
    <message>
        <source>triggers.worst_band: expected true or false</source>
        <translation>triggers.worst_band: true か false を指定してください</translation>
    </message>
    <message>
        <source>%1: expected an object ({ … })</source>
        <translation>%1: オブジェクト({ … })が必要です</translation>
    </message>
</context>
<context>
    <name>ActionStore</name>
    <message>
        <source>Bad band</source>
        <translation>最下位バンド</translation>
    </message>
    <message>
        <source>Renewal at risk</source>
        <translation>更新リスク</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>利用停止</translation>
    </message>
    <message>
        <source>Score drop</source>
        <translation>スコア低下</translation>
    </message>
    <message>
        <source>No action %1.</source>
        <translation>アクション %1 はありません。</translation>
    </message>
    <message>
        <source>Action %1 is done already.</source>
        <translation>アクション %1 は既に完了しています。</translation>
    </message>
    <message>
        <source>Snooze needs a date.</source>
        <translation>スヌーズには日付が必要です。</translation>
    </message>
    <message>
        <source>Reassign needs the new owner's name.</source>
        <translation>担当替えには新しい担当者の名前が必要です。</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>メモを入力してください。</translation>
    </message>
    <message>
        <source>No account "%1" in this workspace.</source>
        <translation>このワークスペースに顧客「%1」はありません。</translation>
    </message>
    <message numerus="yes">
        <source>No activity for %n days</source>
        <translation>
            <numerusform>%n 日間利用なし</numerusform></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2 で %1</translation>
    </message>
    <message numerus="yes">
        <source>%n days to renewal</source>
        <translation>
            <numerusform>更新まで %n 日</numerusform></translation>
    </message>
    <message>
        <source>ARR %1</source>
        <translation>ARR %1</translation>
    </message>
    <message>
        <source>score %1%2 in %3 days</source>
        <translation>%3 日でスコア %1%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>a colleague</source>
        <translation>同僚</translation>
    </message>
    <message>
        <source>Done by %1 at %2.</source>
        <translation>%1 が %2 に完了しました。</translation>
    </message>
    <message>
        <source>Snoozed by %1 at %2 until %3.</source>
        <translation>%1 が %2 に %3 までスヌーズしました。</translation>
    </message>
    <message>
        <source>Changed by %1 at %2.</source>
        <translation>%1 が %2 に変更しました。</translation>
    </message>
    <message>
        <source>%1 Your change to action %2 was not saved: look at it again.</source>
        <translation>%1 アクション %2 へのあなたの変更は保存されていません。もう一度確認してください。</translation>
    </message>
    <message>
        <source>Snoozed until %1: %2</source>
        <translation>%1 までスヌーズ: %2</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未対応</translation>
    </message>
    <message>
        <source>snoozed</source>
        <translation>スヌーズ中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>opened</source>
        <comment>an action's history</comment>
        <translation>作成</translation>
    </message>
    <message>
        <source>updated</source>
        <comment>an action's history</comment>
        <translation>優先度・理由を更新</translation>
    </message>
    <message>
        <source>cleared</source>
        <comment>an action's history</comment>
        <translation>解消</translation>
    </message>
    <message>
        <source>done</source>
        <comment>an action's history</comment>
        <translation>完了</translation>
    </message>
    <message>
        <source>snoozed</source>
        <comment>an action's history</comment>
        <translation>スヌーズ</translation>
    </message>
    <message>
        <source>woke</source>
        <comment>an action's history</comment>
        <translation>スヌーズ解除</translation>
    </message>
    <message>
        <source>reassigned</source>
        <comment>an action's history</comment>
        <translation>担当変更</translation>
    </message>
    <message>
        <source>note</source>
        <comment>an action's history</comment>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>ActionsCommand</name>
    <message>
        <source>The action queue: list, show ID, done ID, snooze ID --until DATE, reassign ID --to NAME, note ID TEXT, account-note ACCOUNT_ID TEXT, rules [--set FILE].</source>
        <translation>アクションキュー: list、show ID、done ID、snooze ID --until DATE、reassign ID --to NAME、note ID TEXT、account-note ACCOUNT_ID TEXT、rules [--set FILE]。</translation>
    </message>
    <message>
        <source>list (default), show, done, snooze, reassign, note, account-note, rules</source>
        <translation>list (既定)、show、done、snooze、reassign、note、account-note、rules</translation>
    </message>
    <message>
        <source>list: only this owner's actions.</source>
        <translation>list: この担当者のアクションだけ。</translation>
    </message>
    <message>
        <source>list: include snoozed actions.</source>
        <translation>list: スヌーズ中のアクションも含める。</translation>
    </message>
    <message>
        <source>list: one JSON array.</source>
        <translation>list: 1 つの JSON 配列で出力。</translation>
    </message>
    <message>
        <source>snooze: until this day.</source>
        <translation>snooze: この日まで。</translation>
    </message>
    <message>
        <source>reassign: the new owner.</source>
        <translation>reassign: 新しい担当者。</translation>
    </message>
    <message>
        <source>done, snooze: a note for the history.</source>
        <translation>done、snooze: 履歴に残すメモ。</translation>
    </message>
    <message>
        <source>Who does it (default: $USER).</source>
        <translation>操作する人 (既定: $USER)。</translation>
    </message>
    <message>
        <source>rules: replace the triggers and weights with this JSON file.</source>
        <translation>rules: トリガーと重みをこの JSON ファイルで置き換える。</translation>
    </message>
    <message>
        <source>tenure-cli actions: %1</source>
        <translation>tenure-cli actions: %1</translation>
    </message>
    <message>
        <source>unknown action "%1"; expected list, show, done, snooze, reassign, note, account-note or rules</source>
        <translation>不明な操作 "%1"。list、show、done、snooze、reassign、note、account-note、rules のいずれかを指定してください</translation>
    </message>
    <message>
        <source>unexpected argument "%1" after %2</source>
        <translation>%2 の後に想定外の引数 "%1"</translation>
    </message>
    <message>
        <source>tenure-cli actions: %1 is not a member of this team workspace: ask an admin to add you (tenure-cli team add-member).</source>
        <translation>tenure-cli actions: %1 はこのチームワークスペースのメンバーではありません。管理者に追加を依頼してください (tenure-cli team add-member)。</translation>
    </message>
    <message>
        <source>No open actions.</source>
        <translation>未対応のアクションはありません。</translation>
    </message>
    <message>
        <source> · snoozed until %1</source>
        <translation> · %1 までスヌーズ</translation>
    </message>
    <message>
        <source> · last changed by %1, %2</source>
        <translation> · 最終変更: %1、%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Action rules saved; they apply from the next scoring pass.</source>
        <translation>アクションルールを保存しました。次回のスコアリングから適用されます。</translation>
    </message>
    <message>
        <source>expected account-note ACCOUNT_ID TEXT</source>
        <translation>account-note ACCOUNT_ID TEXT の形で指定してください</translation>
    </message>
    <message>
        <source>Note added to %1.</source>
        <translation>%1 にメモを追加しました。</translation>
    </message>
    <message>
        <source>%1 expects an action id (see tenure-cli actions list)</source>
        <translation>%1 にはアクション ID を指定してください (tenure-cli actions list を参照)</translation>
    </message>
    <message>
        <source>No action %1.</source>
        <translation>アクション %1 はありません。</translation>
    </message>
    <message>
        <source>Action %1: %2 (%3), %4, priority %5, owner %6</source>
        <translation>アクション %1: %2 (%3)、%4、優先度 %5、担当 %6</translation>
    </message>
    <message>
        <source>Action %1 done.</source>
        <translation>アクション %1 を完了にしました。</translation>
    </message>
    <message>
        <source>snooze expects --until YYYY-MM-DD</source>
        <translation>snooze には --until YYYY-MM-DD を指定してください</translation>
    </message>
    <message>
        <source>Action %1 snoozed until %2.</source>
        <translation>アクション %1 を %2 までスヌーズしました。</translation>
    </message>
    <message>
        <source>reassign expects --to NAME</source>
        <translation>reassign には --to NAME を指定してください</translation>
    </message>
    <message>
        <source>Action %1 now belongs to %2.</source>
        <translation>アクション %1 の担当を %2 に変更しました。</translation>
    </message>
    <message>
        <source>expected note ID TEXT</source>
        <translation>note ID TEXT の形で指定してください</translation>
    </message>
    <message>
        <source>Note added to action %1.</source>
        <translation>アクション %1 にメモを追加しました。</translation>
    </message>
    <message>
        <source>unknown action "%1"</source>
        <translation>不明なアクション "%1"</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Account · owner</source>
        <translation>顧客 · 担当者</translation>
    </message>
    <message>
        <source>Trigger: why</source>
        <translation>きっかけ: 理由</translation>
    </message>
    <message>
        <source>snooze --until %1: the day must be after today (%2)</source>
        <translation>snooze --until %1: 今日(%2)より後の日付を指定してください</translation>
    </message>
    <message>
        <source>reassign --to "%1": not a member of the team (members: %2)</source>
        <translation>reassign --to「%1」: チームのメンバーではありません(メンバー: %2)</translation>
    </message>
    <message>
        <source>Action rules saved to the team workspace; the team's engine applies them from its next pass.</source>
        <translation>アクションルールをチームワークスペースに保存しました。チームのエンジンが次回のパスから適用します。</translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <source>Tenure: customer health, stages and action queues.</source>
        <translation>Tenure: 顧客の健全性、ステージ、アクションキュー。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>path</translation>
    </message>
    <message>
        <source>Open the demo workspace, creating it first if needed (at --db, or %1).</source>
        <translation>デモワークスペースを開きます (必要なら先に作成。場所は --db、または %1)。</translation>
    </message>
    <message>
        <source>Render the window to a PNG file once the workspace is loaded and scored, then exit.</source>
        <translation>ワークスペースを読み込んでスコアリングした後、ウィンドウを PNG ファイルに書き出して終了します。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>The language of the window: en or ja (default: the ui/language setting, else the system's).</source>
        <translation>ウィンドウの言語: en または ja (既定: ui/language の設定、なければシステムの言語)。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Print start-up times and peak memory, then quit (for bench_startup).</source>
        <translation>起動時間と最大メモリを表示して終了します (bench_startup 用)。</translation>
    </message>
    <message>
        <source>The view to open: overview, customers, actions, customer (the customer page, with the customers opened last), rules, tuning, datasources or customer:ACCOUNT_ID.</source>
        <translation>開くビュー: overview、customers、actions、customer (最後に開いた顧客の顧客ページ)、rules、tuning、datasources、customer:ACCOUNT_ID。</translation>
    </message>
    <message>
        <source>--view: expected overview, customers, actions, customer, rules, tuning, datasources or customer:ACCOUNT_ID, got "%1"
</source>
        <translation>--view: overview、customers、actions、customer、rules、tuning、datasources、customer:ACCOUNT_ID のいずれかを指定してください (指定: 「%1」)
</translation>
    </message>
    <message>
        <source>Workspace file, or team workspace (postgresql:// URL or .tenure-team file) (default: %1).</source>
        <translation>ワークスペースファイル、またはチームワークスペース (postgresql:// の URL か .tenure-team ファイル) (既定: %1)。</translation>
    </message>
</context>
<context>
    <name>Backtest</name>
    <message>
        <source>The horizon must be at least one day (got %1).</source>
        <translation>期間は 1 日以上にしてください(指定値: %1)。</translation>
    </message>
    <message>
        <source>The backtest was cancelled.</source>
        <translation>バックテストをキャンセルしました。</translation>
    </message>
    <message>
        <source>1 outcome skipped: its account has no events and no signup date; import signup dates, see docs/import.md</source>
        <translation>1 件の結果をスキップしました: 顧客にイベントも契約開始日もありません。契約開始日をインポートしてください(docs/import.md を参照)</translation>
    </message>
    <message>
        <source>%1 outcomes skipped: their accounts have no events and no signup date; import signup dates, see docs/import.md</source>
        <translation>%1 件の結果をスキップしました: 顧客にイベントも契約開始日もありません。契約開始日をインポートしてください(docs/import.md を参照)</translation>
    </message>
</context>
<context>
    <name>BacktestCommand</name>
    <message>
        <source>Replay history: score each account as of DAYS before what happened and measure how well stage, score and band foretold churn.</source>
        <translation>履歴の再生: 各顧客を結果の DAYS 日前の時点でスコアリングし、ステージ・スコア・バンドがどれだけ解約を予測できたかを測ります。</translation>
    </message>
    <message>
        <source>Score each case this many days before its outcome (default: 90).</source>
        <translation>各ケースを結果のこの日数前でスコアリングします (既定: 90)。</translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation>日数</translation>
    </message>
    <message>
        <source>Backtest the rule set in this JSON file instead of the active one.</source>
        <translation>有効なルールの代わりに、この JSON ファイルのルールセットをバックテストします。</translation>
    </message>
    <message>
        <source>Treat this day as today: later outcomes are ignored (default: today).</source>
        <translation>この日を今日として扱います。それより後の結果は無視します(既定: 今日)。</translation>
    </message>
    <message>
        <source>Sample at most N accounts without churn as the retained baseline (default: all).</source>
        <translation>解約していない顧客を最大 N 件まで継続ベースラインとして抽出します(既定: すべて)。</translation>
    </message>
    <message>
        <source>Print one JSON object instead of tables.</source>
        <translation>表の代わりに 1 つの JSON オブジェクトを出力します。</translation>
    </message>
    <message>
        <source>tenure-cli backtest: %1</source>
        <translation>tenure-cli backtest: %1</translation>
    </message>
    <message>
        <source>tenure-cli backtest: cannot read %1: %2</source>
        <translation>tenure-cli backtest: %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>tenure-cli backtest: %1: %2</source>
        <translation>tenure-cli backtest: %1: %2</translation>
    </message>
    <message>
        <source>Took %1 s.</source>
        <translation>%1 秒かかりました。</translation>
    </message>
    <message>
        <source>Backtest of "%1", %2 days ahead, as of %3</source>
        <translation>"%1" のバックテスト (%2 日前、%3 時点)</translation>
    </message>
    <message>
        <source>Cases: %1 (%2 from outcomes, %3 retained baseline), %4 churned; %5 outcomes skipped (no history %6 days before).</source>
        <translation>ケース: %1 (結果から %2、継続ベースライン %3)、解約 %4。%5 件の結果は対象外 (%6 日前の履歴なし)。</translation>
    </message>
    <message>
        <source>ROC AUC of the score for churn: %1 (%2 scored cases; 0.5 is chance, 1 is perfect).</source>
        <translation>解約に対するスコアの ROC AUC: %1 (スコアのあるケース %2。0.5 は偶然、1 は完全)。</translation>
    </message>
    <message>
        <source>"%1" as a churn flag: %2 flagged, precision %3, recall %4.</source>
        <translation>解約の兆候としての "%1": 該当 %2、適合率 %3、再現率 %4。</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>ケース</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>解約</translation>
    </message>
    <message>
        <source>Churn rate [95%]</source>
        <translation>解約率 [95%]</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>バンド</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Per criterion (passes: earns at least half its points)</source>
        <translation>基準別 (合格: 配点の半分以上を獲得)</translation>
    </message>
    <message>
        <source>suggested: flag below %1 (Youden's J %2)</source>
        <translation>提案: %1 未満で警告 (Youden の J %2)</translation>
    </message>
    <message>
        <source>suggested: flag above %1 (Youden's J %2)</source>
        <translation>提案: %1 超で警告 (Youden の J %2)</translation>
    </message>
    <message>
        <source>no cases</source>
        <translation>ケースなし</translation>
    </message>
    <message numerus="yes">
        <source>%n cases, churn %1</source>
        <translation>
            <numerusform>%n ケース、解約 %1</numerusform></translation>
    </message>
    <message>
        <source>passes: %1; fails: %2; lift %3; AUC %4</source>
        <translation>合格: %1。不合格: %2。リフト %3。AUC %4</translation>
    </message>
    <message>
        <source>[too few cases or churns to trust]</source>
        <translation>[ケースか解約が少なく信頼できません]</translation>
    </message>
</context>
<context>
    <name>ColumnTypes</name>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1: ファイルを開けません: %2</translation>
    </message>
    <message>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <source>Show this help.</source>
        <translation>このヘルプを表示します。</translation>
    </message>
    <message>
        <source>tenure-cli %1: %2</source>
        <translation>tenure-cli %1: %2</translation>
    </message>
    <message>
        <source>tenure-cli %1: works on workspace files only for now; on a team workspace, run it on a file and move that in with tenure-cli team push (see docs/team.md)</source>
        <translation>tenure-cli %1: 現在はワークスペースファイルでのみ使えます。チームワークスペースでは、ファイルで実行してから tenure-cli team push で移してください (docs/team.md を参照)</translation>
    </message>
    <message>
        <source>no temporary folder to stage the team's data in: %1</source>
        <translation>チームのデータを準備する一時フォルダーがありません: %1</translation>
    </message>
    <message>
        <source>tenure-cli %1: there is no workspace at %2 (check the path, or create one with tenure-cli --db %2 init)</source>
        <translation>tenure-cli %1: %2 にワークスペースがありません(パスを確認するか、tenure-cli --db %2 init で作成してください)</translation>
    </message>
    <message>
        <source>tenure-cli %1: unexpected argument "%2" (see tenure-cli %1 --help)</source>
        <translation>tenure-cli %1: 想定外の引数 "%2" (tenure-cli %1 --help を参照)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n pages).</source>
        <translation>
            <numerusform>%1 を書き出しました(%n ページ)。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n rows left out: the mapping's "when" does not keep them (not errors).</source>
        <translation>
            <numerusform>マッピングの "when" で %n 行を除外しました(エラーではありません)。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n accounts</source>
        <translation>
            <numerusform>顧客 %n 社</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>イベント %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n outcomes</source>
        <translation>
            <numerusform>結果 %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n account keys</source>
        <translation>
            <numerusform>顧客キー %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n new events</source>
        <translation>
            <numerusform>新規イベント %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n statuses</source>
        <translation>
            <numerusform>ステータス %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n 行</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>... and %n more bad rows</source>
        <translation>
            <numerusform>...ほかに不正な行が %n 行</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n bad rows: nothing was imported. Fix them, or import the rest with --skip-bad-rows.</source>
        <translation>
            <numerusform>不正な行が %n 行あるため、何もインポートしていません。修正するか、--skip-bad-rows で残りをインポートしてください。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n bad rows skipped</source>
        <translation>
            <numerusform>不正な行 %n 行をスキップ</numerusform></translation>
    </message>
    <message>
        <source>Usage: tenure-cli [--db PATH] [--language en|ja] COMMAND [options]</source>
        <translation>使い方: tenure-cli [--db PATH] [--language en|ja] COMMAND [オプション]</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>共通オプション:</translation>
    </message>
    <message>
        <source>Workspace file or team workspace (default: %1)</source>
        <translation>ワークスペースファイルまたはチームワークスペース (既定: %1)</translation>
    </message>
    <message>
        <source>en or ja: messages and reports (default: the ui/language setting, else the system's)</source>
        <translation>en または ja: メッセージとレポートの言語 (既定: ui/language の設定、なければシステムの言語)</translation>
    </message>
    <message>
        <source>Print the version and exit</source>
        <translation>バージョンを表示して終了</translation>
    </message>
    <message>
        <source>Show this help; COMMAND --help shows a command's options</source>
        <translation>このヘルプを表示 (COMMAND --help でコマンドのオプションを表示)</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>コマンド:</translation>
    </message>
    <message>
        <source>tenure-cli: --language expects %1, got "%2"</source>
        <translation>tenure-cli: --language には %1 を指定してください (指定: 「%2」)</translation>
    </message>
    <message>
        <source>tenure-cli: unknown or incomplete option %1</source>
        <translation>tenure-cli: 不明または不完全なオプション %1</translation>
    </message>
    <message>
        <source>tenure-cli: unknown command "%1"</source>
        <translation>tenure-cli: 不明なコマンド "%1"</translation>
    </message>
    <message>
        <source>This machine's copies of the team's data were removed.</source>
        <translation>このコンピュータにあったチームのデータのコピーを削除しました。</translation>
    </message>
    <message>
        <source>Workspace file, or team workspace (postgresql:// URL or .tenure-team file) (default: %1).</source>
        <translation>ワークスペースファイル、またはチームワークスペース (postgresql:// の URL か .tenure-team ファイル) (既定: %1)。</translation>
    </message>
</context>
<context>
    <name>CommandHelp</name>
    <message>
        <source>Usage: tenure-cli %1 [options]%2</source>
        <translation>使い方: tenure-cli %1 [オプション]%2</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>オプション:</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>引数:</translation>
    </message>
</context>
<context>
    <name>ConnectorCommand</name>
    <message>
        <source>Manage product API connectors: add FILE, list, export NAME, secret NAME.</source>
        <translation>製品 API コネクタの管理: add FILE、list、export NAME、secret NAME。</translation>
    </message>
    <message>
        <source>add, list, export or secret</source>
        <translation>add、list、export、secret</translation>
    </message>
    <message>
        <source>add: the connector's JSON file; export, secret: its name</source>
        <translation>add: コネクタの JSON ファイル。export、secret: コネクタ名</translation>
    </message>
    <message>
        <source>export: write the JSON here instead of printing it.</source>
        <translation>export: JSON を表示せずにこのファイルに書き出す。</translation>
    </message>
    <message>
        <source>secret: remove the stored secret.</source>
        <translation>secret: 保存したシークレットを削除する。</translation>
    </message>
    <message>
        <source>tenure-cli connector: expected add FILE, list, export NAME or secret NAME</source>
        <translation>tenure-cli connector: add FILE、list、export NAME、secret NAME のいずれかを指定してください</translation>
    </message>
    <message>
        <source>tenure-cli connector: unknown action "%1"; expected add, list, export or secret</source>
        <translation>tenure-cli connector: 不明な操作 "%1"。add、list、export、secret のいずれかを指定してください</translation>
    </message>
    <message>
        <source>tenure-cli connector: %1</source>
        <translation>tenure-cli connector: %1</translation>
    </message>
    <message>
        <source>tenure-cli connector: %1: %2</source>
        <translation>tenure-cli connector: %1: %2</translation>
    </message>
    <message>
        <source>Connector "%1" (%2) saved. Its secret, if it needs one: tenure-cli connector secret %1, or the environment variable %3.</source>
        <translation>コネクタ "%1" (%2) を保存しました。シークレットが必要な場合: tenure-cli connector secret %1、または環境変数 %3。</translation>
    </message>
    <message>
        <source>No connectors. Add one with: tenure-cli connector add FILE</source>
        <translation>コネクタがありません。追加するには: tenure-cli connector add FILE</translation>
    </message>
    <message>
        <source>never pulled</source>
        <translation>未取り込み</translation>
    </message>
    <message>
        <source>pulled up to %1</source>
        <translation>%1 まで取り込み済み</translation>
    </message>
    <message>
        <source>interrupted run up to %1, resumes at the next pull</source>
        <translation>%1 まで取り込んで中断。次の取り込みで再開します</translation>
    </message>
    <message>
        <source>every %1 min</source>
        <translation>%1 分ごと</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>Secret of "%1" removed from the keychain.</source>
        <translation>"%1" のシークレットをキーチェーンから削除しました。</translation>
    </message>
    <message>
        <source>Secret for "%1" (one line, not echoed to any log): </source>
        <translation>"%1" のシークレット (1 行。ログには残りません): </translation>
    </message>
    <message>
        <source>tenure-cli connector: cannot read standard input</source>
        <translation>tenure-cli connector: 標準入力を読み込めません</translation>
    </message>
    <message>
        <source>tenure-cli connector: no secret given</source>
        <translation>tenure-cli connector: シークレットが入力されていません</translation>
    </message>
    <message>
        <source>Secret of "%1" stored in the keychain.</source>
        <translation>"%1" のシークレットをキーチェーンに保存しました。</translation>
    </message>
</context>
<context>
    <name>ConnectorConfig</name>
    <message>
        <source>%1: expected one of %2</source>
        <translation>%1: 次のいずれかを指定してください: %2</translation>
    </message>
    <message>
        <source>%1: expected a string</source>
        <translation>%1: 文字列が必要です</translation>
    </message>
    <message>
        <source>%1: expected a whole number ≥ %2</source>
        <translation>%1: %2 以上の整数が必要です</translation>
    </message>
    <message>
        <source>name: expected a non-empty name</source>
        <translation>name: 名前を入力してください</translation>
    </message>
    <message>
        <source>url: expected an http(s) or file URL, got "%1"</source>
        <translation>url: http(s) または file の URL が必要ですが、「%1」でした</translation>
    </message>
    <message>
        <source>auth: secrets do not belong in the connector file; store the token with `tenure-cli connector secret %1` or set the environment variable</source>
        <translation>auth: シークレットはコネクタファイルに書かないでください。`tenure-cli connector secret %1` で保存するか、環境変数を設定してください</translation>
    </message>
    <message>
        <source>auth.username: basic authentication needs a user name</source>
        <translation>auth.username: Basic 認証にはユーザー名が必要です</translation>
    </message>
    <message>
        <source>url: cursor paging needs {cursor} in the URL</source>
        <translation>url: カーソル方式のページングには URL に {cursor} が必要です</translation>
    </message>
    <message>
        <source>url: page-number paging needs {page} in the URL</source>
        <translation>url: ページ番号方式のページングには URL に {page} が必要です</translation>
    </message>
    <message>
        <source>fields.%1: expected where the %1 is in a record</source>
        <translation>fields.%1: レコード内の %1 の位置を指定してください</translation>
    </message>
    <message>
        <source>start: expected an ISO date-time such as 2026-01-01T00:00:00Z</source>
        <translation>start: 2026-01-01T00:00:00Z のような ISO 形式の日時が必要です</translation>
    </message>
    <message>
        <source>outcomes: expected an object such as {"churned": ["subscription_cancelled"]}</source>
        <translation>outcomes: {"churned": ["subscription_cancelled"]} のようなオブジェクトが必要です</translation>
    </message>
    <message>
        <source>outcomes.%1: expected churned, renewed, expanded or contracted</source>
        <translation>outcomes.%1: churned、renewed、expanded、contracted のいずれかが必要です</translation>
    </message>
    <message>
        <source>outcomes.%1: expected a list of event names</source>
        <translation>outcomes.%1: イベント名のリストが必要です</translation>
    </message>
</context>
<context>
    <name>ConnectorProbe</name>
    <message>
        <source>Cannot create a scratch folder to try the connector: %1</source>
        <translation>コネクタを試すための一時フォルダを作成できません: %1</translation>
    </message>
</context>
<context>
    <name>ConnectorStore</name>
    <message>
        <source>Connector "%1" has a damaged definition: %2</source>
        <translation>コネクタ「%1」の定義が壊れています: %2</translation>
    </message>
    <message>
        <source>No connector "%1": this workspace has none yet (tenure-cli connector add FILE).</source>
        <translation>コネクタ「%1」はありません。このワークスペースにはまだコネクタがありません(tenure-cli connector add FILE)。</translation>
    </message>
    <message>
        <source>No connector "%1"; this workspace has: %2</source>
        <translation>コネクタ「%1」はありません。このワークスペースにあるもの: %2</translation>
    </message>
    <message>
        <source>No connector "%1" in this workspace.</source>
        <translation>このワークスペースにコネクタ「%1」はありません。</translation>
    </message>
</context>
<context>
    <name>CsvImporter</name>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1: ファイルを開けません: %2</translation>
    </message>
    <message>
        <source>The mapping is for %1, but this import is of %2.</source>
        <translation>対応付けは %1 用ですが、このインポートは %2 です。</translation>
    </message>
    <message>
        <source>%1: accounts are resolved through %2 keys, but none were imported yet (import them first: tenure-cli import keys FILE --namespace %2)</source>
        <translation>%1: 顧客は %2 のキーで変換しますが、キーがまだインポートされていません(先にインポートしてください: tenure-cli import keys FILE --namespace %2)</translation>
    </message>
    <message>
        <source>Cannot start the import: %1</source>
        <translation>インポートを開始できません: %1</translation>
    </message>
    <message>
        <source>%1: writing rows up to line %2 failed, nothing was imported: %3</source>
        <translation>%1: %2 行目までの書き込みに失敗したため、何もインポートしていません: %3</translation>
    </message>
    <message>
        <source>%1 Nothing was imported.</source>
        <translation>%1 何もインポートしていません。</translation>
    </message>
    <message>
        <source>%1: committing the import failed, nothing was imported: %2</source>
        <translation>%1: インポートの確定に失敗したため、何もインポートしていません: %2</translation>
    </message>
    <message>
        <source>New accounts whose ARR names no currency: %1, the first on line %2. They are taken as USD. If the file is in another currency, give the currency field a column that names it, or one value for every row (such as JPY), and import again.</source>
        <translation>通貨の書かれていない ARR の新しい顧客: %1 社（最初は %2 行目）。USD として扱います。ファイルが別の通貨なら、currency 欄に通貨を示す列か、全行に使う値（JPY など）を指定して、もう一度インポートしてください。</translation>
    </message>
</context>
<context>
    <name>CsvPreview</name>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1: ファイルを開けません: %2</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>comma</source>
        <translation>カンマ</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>セミコロン</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>タブ</translation>
    </message>
    <message>
        <source>%1: the encoding %2 is not supported on this system</source>
        <translation>%1: 文字コード %2 はこのシステムでは使えません</translation>
    </message>
    <message>
        <source>%1: the file is empty; expected a header line with column names</source>
        <translation>%1: ファイルが空です。列名の見出し行が必要です</translation>
    </message>
    <message>
        <source>%1: line %2, column %3: a quoted field is never closed; expected a closing double quote (")</source>
        <translation>%1: %2 行目 %3 列目: 引用符で囲まれた項目が閉じていません。閉じる二重引用符(")が必要です</translation>
    </message>
    <message>
        <source>%1: line %2, column %3: unexpected character after a closing quote; expected the delimiter or the end of the line</source>
        <translation>%1: %2 行目 %3 列目: 閉じ引用符の後に予期しない文字があります。区切り文字か行末が必要です</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: line %2, column %3: the file ends in the middle of a %4 character (%5)</source>
        <translation>%1: %2 行目 %3 列目: ファイルが %4 の文字の途中で終わっています (%5)</translation>
    </message>
    <message>
        <source>%1: line %2, column %3: bytes that are not valid %4 (%5); choose the file's encoding (e.g. cp932, utf-8)</source>
        <translation>%1: %2 行目 %3 列目: %4 として正しくないバイトがあります (%5)。ファイルのエンコーディングを選んでください(例: cp932、utf-8)</translation>
    </message>
    <message>
        <source>%1: line %2, column %3: bytes that are not valid %4; choose the file's encoding (e.g. cp932, utf-8)</source>
        <translation>%1: %2 行目 %3 列目: %4 として正しくないバイトがあります。ファイルのエンコーディングを選んでください(例: cp932、utf-8)</translation>
    </message>
</context>
<context>
    <name>CustomerExport</name>
    <message>
        <source>The encoding %1 is not supported on this system.</source>
        <translation>文字コード %1 はこのシステムでは使えません。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written in %2 (a character it has no code for); export as UTF-8 instead.</source>
        <translation>%1 は %2 で書き出せません(対応しない文字があります)。UTF-8 で書き出してください。</translation>
    </message>
    <message>
        <source>The header</source>
        <translation>見出し行</translation>
    </message>
    <message>
        <source>Account %1 (%2)</source>
        <translation>顧客 %1 (%2)</translation>
    </message>
    <message>
        <source>Unknown export encoding "%1": expected utf-8 or cp932</source>
        <translation>不明な書き出しエンコーディング「%1」: utf-8 か cp932 を指定してください</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>No workspace file was given.</source>
        <translation>ワークスペースファイルが指定されていません。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a workspace file.</source>
        <translation>%1 はフォルダで、ワークスペースファイルではありません。</translation>
    </message>
    <message>
        <source>Cannot read %1: permission denied.</source>
        <translation>%1 を読み込めません: アクセスが拒否されました。</translation>
    </message>
    <message>
        <source>Workspace %1 is read-only (the file has no write permission).</source>
        <translation>ワークスペース %1 は読み取り専用です(書き込み権限がありません)。</translation>
    </message>
    <message>
        <source>%1 is not a Tenure workspace (it is not an SQLite database).</source>
        <translation>%1 は Tenure のワークスペースではありません(SQLite データベースではありません)。</translation>
    </message>
    <message>
        <source>Workspace %1 does not exist.</source>
        <translation>ワークスペース %1 は存在しません。</translation>
    </message>
    <message>
        <source>Cannot create workspace %1: folder %2 does not exist.</source>
        <translation>ワークスペース %1 を作成できません: フォルダ %2 が存在しません。</translation>
    </message>
    <message>
        <source>Cannot create workspace %1: folder %2 is not writable.</source>
        <translation>ワークスペース %1 を作成できません: フォルダ %2 に書き込めません。</translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not available; install libqt6sql6-sqlite.</source>
        <translation>Qt の SQLite ドライバ(QSQLITE)がありません。libqt6sql6-sqlite をインストールしてください。</translation>
    </message>
    <message>
        <source>Cannot open workspace %1: %2</source>
        <translation>ワークスペース %1 を開けません: %2</translation>
    </message>
    <message>
        <source>it is not a readable SQLite database (%1).</source>
        <translation>読み取れる SQLite データベースではありません(%1)。</translation>
    </message>
    <message>
        <source>it is an SQLite database of another application, not a Tenure workspace.</source>
        <translation>別のアプリケーションの SQLite データベースで、Tenure のワークスペースではありません。</translation>
    </message>
    <message>
        <source>it was written by a newer version of Tenure (schema %1; this version reads up to %2). Update Tenure to open it.</source>
        <translation>新しいバージョンの Tenure で作成されています(スキーマ %1。このバージョンは %2 まで)。Tenure を更新してください。</translation>
    </message>
    <message>
        <source>it uses an older schema (%1) and must be opened read-write once to be upgraded.</source>
        <translation>古いスキーマ(%1)です。一度読み書き可能で開いて更新する必要があります。</translation>
    </message>
    <message>
        <source>upgrade to schema %1 (%2) failed: %3</source>
        <translation>スキーマ %1(%2)への更新に失敗しました: %3</translation>
    </message>
    <message>
        <source>upgrade to schema %1 failed: %2</source>
        <translation>スキーマ %1 への更新に失敗しました: %2</translation>
    </message>
    <message>
        <source>the SQLite connection is not available.</source>
        <translation>SQLite の接続が利用できません。</translation>
    </message>
    <message>
        <source>SQLite would not apply its protections for files from elsewhere (%1).</source>
        <translation>SQLite が外部から来たファイル向けの保護を適用できませんでした (%1)。</translation>
    </message>
    <message>
        <source>it is empty: not a Tenure workspace yet (tenure-cli init makes one).</source>
        <translation>空のファイルで、まだ Tenure のワークスペースではありません（tenure-cli init で作成できます）。</translation>
    </message>
</context>
<context>
    <name>DemoCommand</name>
    <message>
        <source>Create or fill a workspace with a demo portfolio: accounts, a year of product events, outcomes.</source>
        <translation>デモのポートフォリオでワークスペースを作成または追加します: 顧客、1 年分の製品イベント、結果。</translation>
    </message>
    <message>
        <source>Random seed; the same seed gives the same workspace.</source>
        <translation>乱数シード。同じシードなら同じワークスペースになります。</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Number of accounts.</source>
        <translation>顧客数。</translation>
    </message>
    <message>
        <source>The demo's today (events end the day before).</source>
        <translation>デモの「今日」(イベントはその前日まで)。</translation>
    </message>
    <message>
        <source>The workspace time zone (default: this machine's).</source>
        <translation>ワークスペースのタイムゾーン (既定: このマシンのもの)。</translation>
    </message>
    <message>
        <source>tenure-cli demo: --seed expects a whole number, got "%1".</source>
        <translation>tenure-cli demo: --seed には整数を指定してください (指定: 「%1」)。</translation>
    </message>
    <message>
        <source>tenure-cli demo: --accounts expects a number from 1 to 1000000.</source>
        <translation>tenure-cli demo: --accounts には 1 から 1000000 までの数を指定してください。</translation>
    </message>
    <message>
        <source>tenure-cli demo: --today expects a date as YYYY-MM-DD, got "%1".</source>
        <translation>tenure-cli demo: --today には YYYY-MM-DD 形式の日付を指定してください (指定: 「%1」)。</translation>
    </message>
    <message>
        <source>tenure-cli demo: %1</source>
        <translation>tenure-cli demo: %1</translation>
    </message>
    <message>
        <source>Demo workspace %1: %2 accounts, %3 new events, %4 outcomes (%5 s).</source>
        <translation>デモワークスペース %1: 顧客 %2、新しいイベント %3、結果 %4 (%5 秒)。</translation>
    </message>
</context>
<context>
    <name>DemoWorkspace</name>
    <message>
        <source>Cannot inspect the workspace before adding the demo.</source>
        <translation>デモを追加する前にワークスペースを確認できません。</translation>
    </message>
    <message>
        <source>This workspace already holds data from other sources; the demo needs an empty workspace. Create a new workspace for the demo.</source>
        <translation>このワークスペースには既に他のデータがあります。デモには空のワークスペースが必要です。デモ用に新しいワークスペースを作成してください。</translation>
    </message>
    <message>
        <source>The demo was cancelled; the workspace is unchanged.</source>
        <translation>デモの作成をキャンセルしました。ワークスペースは変更していません。</translation>
    </message>
    <message>
        <source>Demo event %1 of account %2 was rejected: %3</source>
        <translation>顧客 %2 のデモイベント %1 が却下されました: %3</translation>
    </message>
    <message>
        <source>made by an earlier Tenure</source>
        <translation>以前の Tenure で作成</translation>
    </message>
    <message>
        <source>made with %1</source>
        <translation>%1 で作成</translation>
    </message>
    <message>
        <source>This workspace already holds a demo portfolio (%1); another demo needs an empty workspace. Create a new workspace for it.</source>
        <translation>このワークスペースにはすでにデモのポートフォリオがあります(%1)。別のデモには空のワークスペースが必要です。新しいワークスペースを作成してください。</translation>
    </message>
</context>
<context>
    <name>EventLog</name>
    <message>
        <source>properties is not valid JSON</source>
        <translation>properties が正しい JSON ではありません</translation>
    </message>
    <message>
        <source>source is not registered in this workspace</source>
        <translation>データソースがこのワークスペースに登録されていません</translation>
    </message>
    <message>
        <source>source is empty</source>
        <translation>データソースが空です</translation>
    </message>
    <message>
        <source>external id is empty</source>
        <translation>外部 ID が空です</translation>
    </message>
    <message>
        <source>account id is empty</source>
        <translation>顧客 ID が空です</translation>
    </message>
    <message>
        <source>event name is empty</source>
        <translation>イベント名が空です</translation>
    </message>
    <message>
        <source>time %1 is outside 2000-01-01..2100-01-01 (expected UTC milliseconds since 1970)</source>
        <translation>時刻 %1 が 2000-01-01〜2100-01-01 の範囲外です(1970 年からの UTC ミリ秒が必要です)</translation>
    </message>
    <message>
        <source>quantity is not a finite number</source>
        <translation>数量が有限の数値ではありません</translation>
    </message>
    <message>
        <source>properties must be a JSON object</source>
        <translation>properties は JSON オブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>Cannot start a transaction to append events: %1</source>
        <translation>イベント追加のトランザクションを開始できません: %1</translation>
    </message>
    <message>
        <source>Cannot prepare the event insert: %1</source>
        <translation>イベントの挿入を準備できません: %1</translation>
    </message>
    <message>
        <source>source "%1" is not registered in this workspace</source>
        <translation>データソース「%1」はこのワークスペースに登録されていません</translation>
    </message>
    <message>
        <source>Appending event %1 of %2 failed, nothing of this batch was kept: %3</source>
        <translation>%2 件中 %1 件目のイベントの追加に失敗したため、このバッチは保存していません: %3</translation>
    </message>
    <message>
        <source>Committing %1 events failed, nothing of this batch was kept: %2</source>
        <translation>%1 件のイベントの確定に失敗したため、このバッチは保存していません: %2</translation>
    </message>
    <message>
        <source>Writing the log's segment of %1 events failed, nothing of this batch was kept: %2</source>
        <translation>%1 件のイベントのログセグメントの書き込みに失敗したため、このバッチは保存していません: %2</translation>
    </message>
</context>
<context>
    <name>EventNames</name>
    <message>
        <source>No event named “%1” in this workspace's log.</source>
        <translation>このワークスペースのログに “%1” という名前のイベントはありません。</translation>
    </message>
    <message>
        <source>No event named “%1” in this workspace's log: did you mean “%2”?</source>
        <translation>このワークスペースのログに “%1” という名前のイベントはありません。“%2” のことですか?</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>Export the customer list (status, ARR, renewal) as CSV for spreadsheets.</source>
        <translation>顧客一覧 (状態、ARR、更新日) を表計算ソフト用の CSV に書き出します。</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>customers</translation>
    </message>
    <message>
        <source>The CSV file to write.</source>
        <translation>書き出す CSV ファイル。</translation>
    </message>
    <message>
        <source>utf-8 (with a byte-order mark, the default) or cp932.</source>
        <translation>utf-8 (BOM 付き、既定) または cp932。</translation>
    </message>
    <message>
        <source>Only this owner's accounts.</source>
        <translation>この担当者の顧客だけ。</translation>
    </message>
    <message>
        <source>tenure-cli export: expected customers --csv FILE [--encoding cp932] [--owner NAME]</source>
        <translation>tenure-cli export: customers --csv FILE [--encoding cp932] [--owner NAME] の形で指定してください</translation>
    </message>
    <message>
        <source>tenure-cli export: %1</source>
        <translation>tenure-cli export: %1</translation>
    </message>
    <message>
        <source>Wrote %1 accounts to %2.</source>
        <translation>%1 社を %2 に書き出しました。</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Import a CSV export: KIND is accounts, events, outcomes or keys (another key → account).</source>
        <translation>CSV エクスポートを取り込みます: KIND は accounts、events、outcomes、keys (別のキー → 顧客) のいずれか。</translation>
    </message>
    <message>
        <source>accounts, events, outcomes or keys</source>
        <translation>accounts、events、outcomes、keys</translation>
    </message>
    <message>
        <source>The CSV file.</source>
        <translation>CSV ファイル。</translation>
    </message>
    <message>
        <source>Column mapping (JSON) instead of the detected one.</source>
        <translation>検出した列の対応付けの代わりに使う対応付け (JSON)。</translation>
    </message>
    <message>
        <source>utf-8, utf-16le, utf-16be, cp932 (shift_jis), windows-1252, euc-jp (default: detected).</source>
        <translation>utf-8、utf-16le、utf-16be、cp932 (shift_jis)、windows-1252、euc-jp (既定: 自動検出)。</translation>
    </message>
    <message>
        <source>Source name (default: the file name). Re-imports of the same source add nothing twice; its mapping is kept as a preset.</source>
        <translation>データソース名 (既定: ファイル名)。同じデータソースを再度取り込んでも重複は追加されません。列の対応付けはプリセットとして保存されます。</translation>
    </message>
    <message>
        <source>For keys: what the keys are (e.g. subscription, user).</source>
        <translation>keys の場合: キーの種類 (例: subscription、user)。</translation>
    </message>
    <message>
        <source>Import the good rows and report the bad ones (default: any bad row aborts the import).</source>
        <translation>正しい行を取り込み、不正な行を報告します (既定: 不正な行が 1 つでもあれば取り込みを中止)。</translation>
    </message>
    <message>
        <source>Check every row and report, write nothing.</source>
        <translation>すべての行を検査して報告し、何も書き込みません。</translation>
    </message>
    <message>
        <source>Print the report as one JSON object.</source>
        <translation>報告を 1 つの JSON オブジェクトで出力します。</translation>
    </message>
    <message>
        <source>tenure-cli import: expected KIND and FILE, e.g. tenure-cli import events usage.csv</source>
        <translation>tenure-cli import: KIND と FILE を指定してください (例: tenure-cli import events usage.csv)</translation>
    </message>
    <message>
        <source>tenure-cli import: unknown kind "%1"; expected accounts, events, outcomes or keys</source>
        <translation>tenure-cli import: 不明な種類 "%1"。accounts、events、outcomes、keys のいずれかを指定してください</translation>
    </message>
    <message>
        <source>tenure-cli import: %1</source>
        <translation>tenure-cli import: %1</translation>
    </message>
    <message>
        <source>tenure-cli import: %1: %2</source>
        <translation>tenure-cli import: %1: %2</translation>
    </message>
    <message>
        <source>not a readable file</source>
        <translation>読み込めるファイルではありません</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>ファイルがありません</translation>
    </message>
    <message>
        <source>%1 (%2, %3-separated) → source "%4": %5 read.</source>
        <translation>%1 (%2、%3区切り) → データソース "%4": %5を読み込みました。</translation>
    </message>
    <message>
        <source>Dry run: %1 rows ready, %2 bad; nothing was written.</source>
        <translation>ドライラン: 取り込める行 %1、不正な行 %2。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>Imported %1: %2 new, %3 updated, %4 already there, %5 (%6 s).</source>
        <translation>%1をインポートしました: 新規 %2、更新 %3、既存 %4、%5 (%6 秒)。</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>列: %1</translation>
    </message>
</context>
<context>
    <name>ImportMapping</name>
    <message>
        <source>%1: the mapping takes %2 from column "%3", which the file does not have (its columns: %4)</source>
        <translation>%1: 対応付けでは %2 を列「%3」から取りますが、ファイルにその列がありません(ファイルの列: %4)</translation>
    </message>
    <message>
        <source>%1: the mapping resolves accounts from column "%2", which the file does not have (its columns: %3)</source>
        <translation>%1: 対応付けでは顧客を列「%2」から変換しますが、ファイルにその列がありません(ファイルの列: %3)</translation>
    </message>
    <message>
        <source>%1: the mapping resolves accounts from column "%2" but names no key namespace</source>
        <translation>%1: 対応付けでは顧客を列「%2」から変換しますが、キーの名前空間が指定されていません</translation>
    </message>
    <message>
        <source>%1: a key import needs a namespace (e.g. --namespace subscription)</source>
        <translation>%1: キーのインポートには名前空間が必要です(例: --namespace subscription)</translation>
    </message>
    <message>
        <source>%1 ← %2</source>
        <translation>%1 ← %2</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>account ← %1 (through %2 keys)</source>
        <translation>account ← %1(%2 のキーで変換)</translation>
    </message>
    <message>
        <source>kind: expected one of accounts, events, outcomes, keys</source>
        <translation>kind: accounts、events、outcomes、keys のいずれかを指定してください</translation>
    </message>
    <message>
        <source>%1: expected an object of field names</source>
        <translation>%1: 項目名のオブジェクトが必要です</translation>
    </message>
    <message>
        <source>%1.%2: unknown field for %3 (known: %4)</source>
        <translation>%1.%2: %3 の項目ではありません(使える項目: %4)</translation>
    </message>
    <message>
        <source>%1.%2: expected a non-empty string</source>
        <translation>%1.%2: 空でない文字列が必要です</translation>
    </message>
    <message>
        <source>account_key.column: expected the name of the key column</source>
        <translation>account_key.column: キーの列名が必要です</translation>
    </message>
    <message>
        <source>account_key.namespace: expected the namespace the keys were imported into</source>
        <translation>account_key.namespace: キーをインポートした名前空間が必要です</translation>
    </message>
    <message>
        <source>extra_columns: expected "rest", "none" or a list of column names</source>
        <translation>extra_columns: "rest"、"none"、または列名のリストが必要です</translation>
    </message>
    <message>
        <source>date_order: expected ymd, mdy or dmy</source>
        <translation>date_order: ymd、mdy、dmy のいずれかが必要です</translation>
    </message>
    <message>
        <source>decimal: expected "." or ","</source>
        <translation>decimal: "." か "," が必要です</translation>
    </message>
    <message>
        <source>delimiter: expected ",", ";" or "tab"</source>
        <translation>delimiter: ","、";"、"tab" のいずれかが必要です</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the mapping counts %2 back from column "%3", which the file does not have (its columns: %4)</source>
        <translation>%1: マッピングは %2 を列「%3」から逆算しますが、ファイルにその列がありません(ファイルの列: %4)</translation>
    </message>
    <message>
        <source>%1: the mapping keeps rows by column "%2", which the file does not have (its columns: %3)</source>
        <translation>%1: マッピングは列「%2」で行を絞り込みますが、ファイルにその列がありません(ファイルの列: %3)</translation>
    </message>
    <message>
        <source>%1: the mapping types column "%2", which the file does not have (its columns: %3)</source>
        <translation>%1: マッピングは列「%2」の型を指定していますが、ファイルにその列がありません(ファイルの列: %3)</translation>
    </message>
    <message>
        <source>%1 ← %2 months before %3</source>
        <translation>%1 ← %3 の %2 か月前</translation>
    </message>
    <message>
        <source>only rows where %1 is %2</source>
        <translation>%1 が %2 の行のみ</translation>
    </message>
    <message>
        <source> or </source>
        <translation> または </translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation>%1 を%2として</translation>
    </message>
    <message>
        <source>%1.value: expected a non-empty value for every row</source>
        <translation>%1.value: すべての行に使う空でない値を指定してください</translation>
    </message>
    <message>
        <source>%1: expected a column name, null, {"value": ...} or {"column": ..., "months_before": "YYYY-MM-DD"}</source>
        <translation>%1: 列名、null、{"value": ...}、または {"column": ..., "months_before": "YYYY-MM-DD"} を指定してください</translation>
    </message>
    <message>
        <source>%1.months_before: only date fields can be counted back (%2)</source>
        <translation>%1.months_before: 月数から逆算できるのは日付の項目だけです (%2)</translation>
    </message>
    <message>
        <source>%1.months_before: expected a date such as 2026-11-30</source>
        <translation>%1.months_before: 2026-11-30 のような日付を指定してください</translation>
    </message>
    <message>
        <source>%1.column: expected the name of the column of months</source>
        <translation>%1.column: 月数の列の名前を指定してください</translation>
    </message>
    <message>
        <source>types: expected an object of column names and types</source>
        <translation>types: 列名と型のオブジェクトを指定してください</translation>
    </message>
    <message>
        <source>types.%1: expected text, number or boolean</source>
        <translation>types.%1: text、number、boolean のいずれかを指定してください</translation>
    </message>
    <message>
        <source>when.column: expected the name of the column that selects rows</source>
        <translation>when.column: 行を選ぶ列の名前を指定してください</translation>
    </message>
    <message>
        <source>when.in: expected a list of the values that keep a row, e.g. ["Yes"]</source>
        <translation>when.in: 取り込む行の値のリストを指定してください(例: ["Yes"])</translation>
    </message>
    <message>
        <source>%1: no column found for %2 (importing %3; the file's columns: %4). Choose their columns in the mapping (the import's Columns step, or a --mapping file), or rename the file's columns.</source>
        <translation>%1: %2 の列が見つかりません(%3 のインポート。ファイルの列: %4)。列の対応付けで指定するか、列名を変更してください。</translation>
    </message>
</context>
<context>
    <name>InitCommand</name>
    <message>
        <source>Create an empty workspace, or upgrade an existing one.</source>
        <translation>空のワークスペースを作成するか、既存のものをアップグレードします。</translation>
    </message>
    <message>
        <source>IANA time zone whose calendar days the rules count in (default: this machine's).</source>
        <translation>ルールが日付を数える IANA タイムゾーン (既定: このマシンのもの)。</translation>
    </message>
    <message>
        <source>tenure-cli init: %1</source>
        <translation>tenure-cli init: %1</translation>
    </message>
    <message>
        <source>Workspace %1 is ready (schema %2, time zone %3).</source>
        <translation>ワークスペース %1 は準備できています (スキーマ %2、タイムゾーン %3)。</translation>
    </message>
    <message>
        <source>Created workspace %1 (schema %2, time zone %3).</source>
        <translation>ワークスペース %1 を作成しました (スキーマ %2、タイムゾーン %3)。</translation>
    </message>
</context>
<context>
    <name>KeptReadConnection</name>
    <message>
        <source>A kept workspace connection was used from a thread that did not open it.</source>
        <translation>保持しているワークスペース接続が、それを開いていないスレッドから使われました。</translation>
    </message>
</context>
<context>
    <name>LogSpill</name>
    <message>
        <source>Cannot create a temporary file for the rebuild in %1: %2</source>
        <translation>再構築用の一時ファイルを %1 に作成できません: %2</translation>
    </message>
    <message>
        <source>Cannot write the rebuild's temporary file: %1</source>
        <translation>再構築用の一時ファイルに書き込めません: %1</translation>
    </message>
    <message>
        <source>Cannot read the event log: %1</source>
        <translation>イベントログを読み込めません: %1</translation>
    </message>
    <message>
        <source>Scoring was cancelled.</source>
        <translation>スコアリングをキャンセルしました。</translation>
    </message>
    <message>
        <source>Cannot read the rebuild's temporary file: %1</source>
        <translation>再構築用の一時ファイルを読み込めません: %1</translation>
    </message>
    <message>
        <source>The rebuild's temporary file is damaged (partition %1).</source>
        <translation>再構築用の一時ファイルが壊れています (パーティション %1)。</translation>
    </message>
    <message>
        <source>The event log's segment from event %1 is damaged: rebuild cannot read it.</source>
        <translation>イベント %1 からのイベントログのセグメントが壊れているため、再構築で読み込めません。</translation>
    </message>
</context>
<context>
    <name>ObservedText</name>
    <message>
        <source>n/a</source>
        <translation>—</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Churned</source>
        <translation>解約</translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Expanded</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Contracted</source>
        <translation>縮小</translation>
    </message>
</context>
<context>
    <name>PageDecoder</name>
    <message>
        <source>no account at %1</source>
        <translation>%1 に顧客がありません</translation>
    </message>
    <message>
        <source>no event name at %1</source>
        <translation>%1 にイベント名がありません</translation>
    </message>
    <message>
        <source>no readable time at %1 (expected ISO 8601 or epoch seconds/milliseconds)</source>
        <translation>%1 に読み取れる時刻がありません(ISO 8601 または 1970 年からの秒/ミリ秒が必要です)</translation>
    </message>
    <message>
        <source>quantity at %1 is not a number</source>
        <translation>%1 の数量が数値ではありません</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>%1 行目: %2</translation>
    </message>
    <message>
        <source>record %1: %2</source>
        <translation>レコード %1: %2</translation>
    </message>
    <message>
        <source>the response is not valid JSON (%1); %2 bytes received</source>
        <translation>レスポンスが正しい JSON ではありません(%1)。受信 %2 バイト</translation>
    </message>
    <message>
        <source>the response has no %1 (the records path)</source>
        <translation>レスポンスに %1(レコードの位置)がありません</translation>
    </message>
    <message>
        <source>expected an array of records at %1</source>
        <translation>%1 にレコードの配列が必要です</translation>
    </message>
    <message>
        <source>the top level</source>
        <translation>最上位</translation>
    </message>
    <message>
        <source>line %1 is not valid JSON (%2)</source>
        <translation>%1 行目が正しい JSON ではありません(%2)</translation>
    </message>
    <message>
        <source>line %1: expected a JSON object</source>
        <translation>%1 行目: JSON オブジェクトが必要です</translation>
    </message>
</context>
<context>
    <name>PgCopy</name>
    <message>
        <source>Cannot start copying rows: %1</source>
        <translation>行のコピーを開始できません: %1</translation>
    </message>
    <message>
        <source>Copying rows failed: %1</source>
        <translation>行のコピーに失敗しました: %1</translation>
    </message>
</context>
<context>
    <name>PgCopyOut</name>
    <message>
        <source>Cannot read rows: %1</source>
        <translation>行を読み取れません: %1</translation>
    </message>
</context>
<context>
    <name>PortfolioReport</name>
    <message>
        <source>"%1"</source>
        <translation>「%1」</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>スコアなし</translation>
    </message>
    <message numerus="yes">
        <source>renewal within %n days</source>
        <translation>
            <numerusform>更新まで %n 日以内</numerusform></translation>
    </message>
    <message>
        <source>Customer list: %1</source>
        <translation>顧客一覧: %1</translation>
    </message>
</context>
<context>
    <name>PortfolioReportRenderer</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>顧客</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>バンド</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>ARR</source>
        <translation>ARR</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>契約更新</translation>
    </message>
    <message>
        <source>Portfolio report</source>
        <translation>ポートフォリオレポート</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n accounts · as of %2</source>
        <translation>
            <numerusform>%1 · %n 社 · %2 時点</numerusform></translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>すべての担当者</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>担当: %1</translation>
    </message>
    <message>
        <source>No score</source>
        <translation>スコアなし</translation>
    </message>
    <message>
        <source>Accounts by band</source>
        <translation>バンド別の顧客数</translation>
    </message>
    <message>
        <source>Accounts by stage</source>
        <translation>ステージ別の顧客数</translation>
    </message>
    <message>
        <source>ARR by band (%1 accounts)</source>
        <translation>バンド別の ARR(%1 の顧客)</translation>
    </message>
    <message>
        <source>ARR by band</source>
        <translation>バンド別の ARR</translation>
    </message>
    <message>
        <source>ARR at risk (not %1): %2</source>
        <translation>リスクのある ARR(%1 以外): %2</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 日</translation>
    </message>
    <message>
        <source>Portfolio report as of %1 · generated %2 by Tenure</source>
        <translation>%1 時点のポートフォリオレポート · %2 Tenure で作成</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>%1 日前</translation>
    </message>
</context>
<context>
    <name>PullCommand</name>
    <message>
        <source>Pull new events from the product API connectors (all, or the one named).</source>
        <translation>製品 API コネクタから新しいイベントを取り込みます (すべて、または指定したもの)。</translation>
    </message>
    <message>
        <source>The connector to pull (default: all).</source>
        <translation>取り込むコネクタ (既定: すべて)。</translation>
    </message>
    <message>
        <source>tenure-cli pull: %1</source>
        <translation>tenure-cli pull: %1</translation>
    </message>
    <message>
        <source>No connectors to pull. Add one with: tenure-cli connector add FILE</source>
        <translation>取り込むコネクタがありません。追加するには: tenure-cli connector add FILE</translation>
    </message>
    <message>
        <source>tenure-cli pull: %1: %2</source>
        <translation>tenure-cli pull: %1: %2</translation>
    </message>
    <message>
        <source>no secret stored; run tenure-cli connector secret %1 or set %2</source>
        <translation>シークレットが保存されていません。tenure-cli connector secret %1 を実行するか %2 を設定してください</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 events read</source>
        <translation>%1 件のイベントを読み込み</translation>
    </message>
    <message>
        <source>%1 new events, %2 already there</source>
        <translation>新しいイベント %1 件、既存 %2 件</translation>
    </message>
    <message>
        <source>%1 pages, %2 records: %3, %4 rejected, %5 retries%6 (%7 s).</source>
        <translation>%1 ページ、%2 レコード: %3、却下 %4、再試行 %5%6 (%7 秒)。</translation>
    </message>
    <message>
        <source>, resumed an interrupted run</source>
        <translation>、中断した取り込みを再開</translation>
    </message>
    <message>
        <source>The team workspace %1 has no connectors to pull: an admin adds them to a workspace file (tenure-cli connector add) and moves them in with tenure-cli team push (docs/team.md).</source>
        <translation>チームワークスペース %1 には取り込むコネクタがありません。管理者がワークスペースファイルに追加し(tenure-cli connector add)、tenure-cli team push で移します(docs/team.md を参照)。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Open Workspace</source>
        <translation>ワークスペースを開く</translation>
    </message>
    <message>
        <source>Tenure workspaces (*.tenure);;All files (*)</source>
        <translation>Tenure ワークスペース (*.tenure);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>RebuildLock</name>
    <message>
        <source>Cannot lock %1 for the rebuild: %2</source>
        <translation>再構築のために %1 をロックできません: %2</translation>
    </message>
    <message>
        <source>its folder cannot be written to</source>
        <translation>そのフォルダーに書き込めません</translation>
    </message>
    <message>
        <source>the lock file cannot be read or written</source>
        <translation>ロックファイルを読み書きできません</translation>
    </message>
    <message>
        <source>Scoring was cancelled.</source>
        <translation>スコアリングをキャンセルしました。</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>別のプログラム</translation>
    </message>
    <message>
        <source>%1, process %2</source>
        <translation>%1、プロセス %2</translation>
    </message>
    <message>
        <source>%1, process %2 on %3</source>
        <translation>%3 の %1、プロセス %2</translation>
    </message>
    <message>
        <source>Waiting for another rebuild of this workspace (%1)</source>
        <translation>このワークスペースの別の再構築を待っています (%1)</translation>
    </message>
</context>
<context>
    <name>ReplayOptions</name>
    <message>
        <source>--horizon expects a number of days above 0, got "%1".</source>
        <translation>--horizon には 0 より大きい日数を指定してください(指定: 「%1」)。</translation>
    </message>
    <message>
        <source>--%1 expects a date as YYYY-MM-DD, got "%2".</source>
        <translation>--%1 には YYYY-MM-DD 形式の日付を指定してください(指定: 「%2」)。</translation>
    </message>
    <message>
        <source>--baseline expects a number above 0, got "%1".</source>
        <translation>--baseline には 0 より大きい数を指定してください(指定: 「%1」)。</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <source>No history yet</source>
        <translation>履歴はまだありません</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>Write an account report (ACCOUNT_ID) or a portfolio report (--portfolio) as PDF.</source>
        <translation>顧客レポート (ACCOUNT_ID) またはポートフォリオレポート (--portfolio) を PDF で書き出します。</translation>
    </message>
    <message>
        <source>The account to report on.</source>
        <translation>レポートする顧客。</translation>
    </message>
    <message>
        <source>A portfolio report of every account (or one owner's).</source>
        <translation>全顧客 (または 1 人の担当者の顧客) のポートフォリオレポート。</translation>
    </message>
    <message>
        <source>With --portfolio: only this owner's accounts.</source>
        <translation>--portfolio と併用: この担当者の顧客だけ。</translation>
    </message>
    <message>
        <source>The PDF file to write.</source>
        <translation>書き出す PDF ファイル。</translation>
    </message>
    <message>
        <source>a4 or letter (default: by the locale).</source>
        <translation>a4 または letter (既定: ロケールによる)。</translation>
    </message>
    <message>
        <source>The report's day (default: today).</source>
        <translation>レポートの基準日 (既定: 今日)。</translation>
    </message>
    <message>
        <source>tenure-cli report: expected ACCOUNT_ID --pdf FILE, or --portfolio [--owner NAME] --pdf FILE</source>
        <translation>tenure-cli report: ACCOUNT_ID --pdf FILE、または --portfolio [--owner NAME] --pdf FILE の形で指定してください</translation>
    </message>
    <message>
        <source>tenure-cli report: --page-size expects a4 or letter, got "%1"</source>
        <translation>tenure-cli report: --page-size には a4 または letter を指定してください (指定: 「%1」)</translation>
    </message>
    <message>
        <source>tenure-cli report: --as-of expects YYYY-MM-DD</source>
        <translation>tenure-cli report: --as-of には YYYY-MM-DD を指定してください</translation>
    </message>
    <message>
        <source>tenure-cli report: %1</source>
        <translation>tenure-cli report: %1</translation>
    </message>
    <message>
        <source>tenure-cli report: no accounts%1</source>
        <translation>tenure-cli report: 顧客がいません%1</translation>
    </message>
    <message>
        <source> owned by "%1"</source>
        <translation> (担当: "%1")</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>%1 / %2 ページ</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>%1 ページ</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>Account report: %1</source>
        <translation>顧客レポート: %1</translation>
    </message>
    <message>
        <source>Portfolio report</source>
        <translation>ポートフォリオレポート</translation>
    </message>
    <message>
        <source>%1: the PDF cannot be written: %2</source>
        <translation>%1: PDF を書き出せません: %2</translation>
    </message>
    <message>
        <source>nothing was drawn</source>
        <translation>何も描画されませんでした</translation>
    </message>
</context>
<context>
    <name>RowConverter</name>
    <message>
        <source>%1:%2: column %3 (%4): %5</source>
        <translation>%1:%2: %3 列目 (%4): %5</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <source>expected %1 fields as in the header, found %2</source>
        <translation>見出し行と同じ %1 項目が必要ですが、%2 項目でした</translation>
    </message>
    <message>
        <source>expected %1, the cell is empty</source>
        <translation>%1 が必要ですが、空欄です</translation>
    </message>
    <message>
        <source>expected %1, got "%2"</source>
        <translation>%1 が必要ですが、「%2」でした</translation>
    </message>
    <message>
        <source>expected a %1 key, the cell is empty</source>
        <translation>%1 のキーが必要ですが、空欄です</translation>
    </message>
    <message>
        <source>expected a known %1 key, "%2" was never imported (import the %1 → account mapping first)</source>
        <translation>既知の %1 キーが必要ですが、「%2」はインポートされていません(先に %1 → 顧客の対応をインポートしてください)</translation>
    </message>
    <message>
        <source>an account id</source>
        <translation>顧客 ID</translation>
    </message>
    <message>
        <source>expected a unique id, "%1" is already used by a different row on line %2 (if the file's ids are not unique, map no id column and rows are identified by their content)</source>
        <translation>一意な ID が必要ですが、「%1」は %2 行目の別の行で使われています(ID が一意でないファイルは、ID の列を対応付けなければ内容で行を識別します)</translation>
    </message>
    <message>
        <source>a three-letter currency code such as USD or JPY</source>
        <translation>USD や JPY のような 3 文字の通貨コード</translation>
    </message>
    <message>
        <source>a whole number of seats, 0 or more</source>
        <translation>0 以上の整数のシート数</translation>
    </message>
    <message>
        <source>an event name</source>
        <translation>イベント名</translation>
    </message>
    <message>
        <source>the event's id</source>
        <translation>イベント ID</translation>
    </message>
    <message>
        <source>expected an account of this workspace, "%1" is unknown (import accounts first)</source>
        <translation>このワークスペースの顧客が必要ですが、「%1」は未登録です(先に顧客をインポートしてください)</translation>
    </message>
    <message>
        <source>churned, renewed, expanded or contracted</source>
        <translation>churned、renewed、expanded、contracted のいずれか</translation>
    </message>
    <message>
        <source>a key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>a whole number of months, 0 or more (%1 is counted back from %2)</source>
        <translation>0 以上の整数の月数(%1 は %2 から逆算します)</translation>
    </message>
    <message>
        <source>expected %1 (the mapping types this column as %2), got "%3"</source>
        <translation>%1 が必要です(マッピングでこの列は%2として指定されています)。値:「%3」</translation>
    </message>
    <message>
        <source>expected an account of this workspace or a name for a new one: "%1" is not in the workspace yet and the file has no name column</source>
        <translation>このワークスペースの顧客、または新規顧客の名前が必要です:「%1」はまだワークスペースになく、ファイルに名前の列がありません</translation>
    </message>
    <message>
        <source>the name of the new account "%1" (it is not in the workspace yet)</source>
        <translation>新規顧客「%1」の名前(まだワークスペースにありません)</translation>
    </message>
</context>
<context>
    <name>RuleErrorText</name>
    <message>
        <source>Stage %1</source>
        <translation>ステージ %1</translation>
    </message>
    <message>
        <source>criterion %1</source>
        <translation>基準 %1</translation>
    </message>
    <message>
        <source>band %1</source>
        <translation>バンド %1</translation>
    </message>
    <message>
        <source>event %1</source>
        <translation>イベント %1</translation>
    </message>
    <message>
        <source>tier %1</source>
        <translation>段階 %1</translation>
    </message>
    <message>
        <source>all of, condition %1</source>
        <translation>すべて満たす条件の %1 番目</translation>
    </message>
    <message>
        <source>any of, condition %1</source>
        <translation>いずれか満たす条件の %1 番目</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1「%2」</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>RulePreview</name>
    <message>
        <source>Reading the current statuses failed: %1</source>
        <translation>現在のステータスを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>The preview was cancelled.</source>
        <translation>プレビューをキャンセルしました。</translation>
    </message>
</context>
<context>
    <name>RuleSetJson</name>
    <message>
        <source>expected a non-empty text</source>
        <translation>空でない文字列が必要です</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>数値が必要です</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true か false が必要です</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>リストが必要です</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>オブジェクトが必要です</translation>
    </message>
    <message>
        <source>unknown measure "%1" (expected one of %2)</source>
        <translation>不明な測定対象「%1」(次のいずれか: %2)</translation>
    </message>
    <message>
        <source>expected an event name</source>
        <translation>イベント名が必要です</translation>
    </message>
    <message>
        <source>must be a whole number &gt; 0</source>
        <translation>0 より大きい整数にしてください</translation>
    </message>
    <message>
        <source>must be at most 3660 (ten years)</source>
        <translation>3660(10 年)以下にしてください</translation>
    </message>
    <message>
        <source>expected renewal_date or signup_date</source>
        <translation>renewal_date か signup_date が必要です</translation>
    </message>
    <message>
        <source>expected id, name, owner, plan, arr, currency, seats or attributes.&lt;name&gt;</source>
        <translation>id、name、owner、plan、arr、currency、seats、attributes.&lt;名前&gt; のいずれかが必要です</translation>
    </message>
    <message>
        <source>expected churned, renewed, expanded or contracted</source>
        <translation>churned、renewed、expanded、contracted のいずれかが必要です</translation>
    </message>
    <message>
        <source>unknown comparison "%1" (expected &gt;=, &lt;=, &gt;, &lt;, == or !=)</source>
        <translation>不明な比較「%1」(&gt;=、&lt;=、&gt;、&lt;、==、!= のいずれか)</translation>
    </message>
    <message>
        <source>expected a number, true/false or a text</source>
        <translation>数値、true/false、または文字列が必要です</translation>
    </message>
    <message>
        <source>a text can only be compared with == or !=</source>
        <translation>文字列は == か != でしか比較できません</translation>
    </message>
    <message>
        <source>conditions are nested too deeply</source>
        <translation>条件の入れ子が深すぎます</translation>
    </message>
    <message>
        <source>use either "all" or "any", not both</source>
        <translation>"all" と "any" はどちらか一方だけを使ってください</translation>
    </message>
    <message>
        <source>must list at least one condition</source>
        <translation>条件を 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>must differ from zero_at</source>
        <translation>zero_at と異なる値にしてください</translation>
    </message>
    <message>
        <source>must list at least one tier</source>
        <translation>段階を 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>must be between 0 and 1 (a share of the weight)</source>
        <translation>0 から 1 の間(重みの割合)にしてください</translation>
    </message>
    <message>
        <source>tiers must be in ascending order of "from"</source>
        <translation>段階は "from" の昇順に並べてください</translation>
    </message>
    <message>
        <source>unknown scoring "%1" (expected pass, linear or tiers)</source>
        <translation>不明な採点方法「%1」(pass、linear、tiers のいずれか)</translation>
    </message>
    <message>
        <source>must list at least one band</source>
        <translation>バンドを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>must be between 0 and 100</source>
        <translation>0 から 100 の間にしてください</translation>
    </message>
    <message>
        <source>bands must be listed from the highest min_score down</source>
        <translation>バンドは min_score の高い順に並べてください</translation>
    </message>
    <message>
        <source>the last band must start at 0 so that every score has a band</source>
        <translation>すべてのスコアがバンドに入るよう、最後のバンドは 0 から始めてください</translation>
    </message>
    <message>
        <source>must list at least one stage</source>
        <translation>ステージを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>"%1" is used by an earlier stage</source>
        <translation>「%1」は前のステージで使われています</translation>
    </message>
    <message>
        <source>the last stage must have no condition: it takes every account no earlier stage took</source>
        <translation>最後のステージには条件を付けないでください。前のステージに入らなかったすべての顧客を受けます</translation>
    </message>
    <message>
        <source>only the last stage may have no condition (it would hide the stages after it)</source>
        <translation>条件なしにできるのは最後のステージだけです(後のステージが使われなくなります)</translation>
    </message>
    <message>
        <source>"%1" is used twice in this stage</source>
        <translation>「%1」がこのステージで 2 回使われています</translation>
    </message>
    <message>
        <source>must be &gt; 0</source>
        <translation>0 より大きくしてください</translation>
    </message>
</context>
<context>
    <name>RuleStore</name>
    <message>
        <source>Rule set version %1 in the workspace is invalid: %2</source>
        <translation>ワークスペースのルールセット バージョン %1 が不正です: %2</translation>
    </message>
    <message>
        <source>The rule set is not valid: %1</source>
        <translation>ルールセットが正しくありません: %1</translation>
    </message>
    <message>
        <source>Cannot save the rule set: %1</source>
        <translation>ルールセットを保存できません: %1</translation>
    </message>
    <message>
        <source>There is no rule set version %1.</source>
        <translation>ルールセット バージョン %1 はありません。</translation>
    </message>
</context>
<context>
    <name>RuleSuggester</name>
    <message>
        <source>%1 [95%: %2–%3]</source>
        <translation>%1 [95%: %2–%3]</translation>
    </message>
    <message numerus="yes">
        <source>Suggested: %n criteria. Checked on the %1 later cases (outcomes after %2, %3 churned), their ROC AUC is %4; the active rules' on the same cases: %5.</source>
        <translation>
            <numerusform>提案: 基準 %n 件。後の %1 ケース(%2 より後の結果、解約 %3 件)で検証した ROC AUC は %4、同じケースでの有効なルールは %5 です。</numerusform></translation>
    </message>
    <message>
        <source>The horizon must be at least one day (got %1).</source>
        <translation>期間は 1 日以上にしてください(指定値: %1)。</translation>
    </message>
    <message>
        <source>The active rules have no stage.</source>
        <translation>有効なルールにステージがありません。</translation>
    </message>
    <message>
        <source>A suggestion needs at least %1 churned cases to fit on and %2 later ones to check it on; nothing is suggested.</source>
        <translation>提案には、当てはめ用に少なくとも %1 件、検証用に後の %2 件の解約ケースが必要です。提案はありません。</translation>
    </message>
    <message numerus="yes">
        <source>Too few outcomes: %n churn(s) recorded up to %1.</source>
        <translation>
            <numerusform>結果が少なすぎます: %1 までに記録された解約は %n 件です。</numerusform></translation>
    </message>
    <message>
        <source>The cut-off must come before today (%1).</source>
        <translation>区切り日は今日(%1)より前にしてください。</translation>
    </message>
    <message>
        <source>The suggestion was cancelled.</source>
        <translation>提案は取り消されました。</translation>
    </message>
    <message>
        <source>%1 churned of %2 scored cases up to %3, %4 of %5 after it</source>
        <translation>%3 までのスコア付きケース %2 件のうち解約 %1 件、それより後は %5 件のうち %4 件</translation>
    </message>
    <message>
        <source>Too few outcomes with history: %1.</source>
        <translation>履歴のある結果が少なすぎます: %1。</translation>
    </message>
    <message>
        <source>No candidate criterion carries a signal on the training cases (%1): nothing is suggested.</source>
        <translation>学習ケースで兆候を示す候補基準がありません(%1)。提案はありません。</translation>
    </message>
    <message>
        <source>The holdout cannot tell the fitted criteria from chance: on the %1 later cases (outcomes after %2, %3 churned) their ROC AUC is %4, 95% interval %5–%6, not above 0.5. Nothing is suggested.</source>
        <translation>検証データでは、当てはめた基準を偶然と区別できません: 後の %1 ケース(%2 より後の結果、解約 %3 件)での ROC AUC は %4、95% 区間 %5–%6 で 0.5 を上回りません。提案はありません。</translation>
    </message>
    <message>
        <source>The active rules rank the later cases better: on the %1 cases after %2 (%3 churned) the fitted criteria's ROC AUC is %4, the active rules' %5 (difference %6, 95% interval %7 to %8). Keep the active rules; nothing is suggested.</source>
        <translation>後のケースは有効なルールの方がよく順位付けできています: %2 より後の %1 ケース(解約 %3 件)で、当てはめた基準の ROC AUC は %4、有効なルールは %5 です(差 %6、95% 区間 %7 ～ %8)。有効なルールを使い続けてください。提案はありません。</translation>
    </message>
    <message>
        <source>Suggested rules (%1 days ahead, fitted on outcomes up to %2)</source>
        <translation>提案ルール(%1 日前、%2 までの結果に当てはめ)</translation>
    </message>
    <message>
        <source>The suggested rules are not valid: %1</source>
        <translation>提案ルールが正しくありません: %1</translation>
    </message>
    <message>
        <source>Events per seat in the last %1 days</source>
        <translation>直近 %1 日間のシートあたりイベント数</translation>
    </message>
    <message>
        <source>Events in the last %1 days</source>
        <translation>直近 %1 日間のイベント数</translation>
    </message>
    <message>
        <source>“%1” events per seat in the last %2 days</source>
        <translation>直近 %2 日間のシートあたり「%1」イベント数</translation>
    </message>
    <message>
        <source>“%1” events in the last %2 days</source>
        <translation>直近 %2 日間の「%1」イベント数</translation>
    </message>
    <message>
        <source>Share of seats active in the last %1 days</source>
        <translation>直近 %1 日間にアクティブなシートの割合</translation>
    </message>
    <message>
        <source>Active users in the last %1 days</source>
        <translation>直近 %1 日間のアクティブユーザー数</translation>
    </message>
    <message>
        <source>Days since the last activity</source>
        <translation>最終アクティビティからの日数</translation>
    </message>
    <message>
        <source>Days since the last “%1” event</source>
        <translation>最後の「%1」イベントからの日数</translation>
    </message>
    <message>
        <source>Change in activity, last %1 days vs the %1 before (%)</source>
        <translation>アクティビティの変化、直近 %1 日間とその前の %1 日間の比較 (%)</translation>
    </message>
    <message>
        <source>Change in “%1” events, last %2 days vs the %2 before (%)</source>
        <translation>「%1」イベントの変化、直近 %2 日間とその前の %2 日間の比較 (%)</translation>
    </message>
    <message>
        <source>Days until the renewal</source>
        <translation>更新までの日数</translation>
    </message>
    <message>
        <source>Days since signup</source>
        <translation>契約開始からの日数</translation>
    </message>
    <message>
        <source>Account field “%1”</source>
        <translation>顧客項目「%1」</translation>
    </message>
    <message>
        <source>Days since the last outcome</source>
        <translation>最後の結果からの日数</translation>
    </message>
    <message>
        <source>alone, it tells the accounts that have churned from the others almost perfectly (ROC AUC %1). Account fields are not replayed as of a past day: one that does this was most likely written after the outcome (a churn reason, a status).</source>
        <translation>これだけで解約した顧客とそれ以外をほぼ完全に見分けます(ROC AUC %1)。顧客項目は過去の時点に巻き戻せないため、このような項目は結果の後に書かれた可能性が高いです(解約理由、ステータスなど)。</translation>
    </message>
</context>
<context>
    <name>SchemaCheck</name>
    <message>
        <source>table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>index</source>
        <translation>インデックス</translation>
    </message>
    <message>
        <source>view</source>
        <translation>ビュー</translation>
    </message>
    <message>
        <source>trigger</source>
        <translation>トリガー</translation>
    </message>
    <message>
        <source> (unexpected column "%1")</source>
        <translation>(想定外の列「%1」)</translation>
    </message>
    <message>
        <source> (missing column "%1")</source>
        <translation>(列「%1」がありません)</translation>
    </message>
    <message>
        <source>its schema cannot be checked (%1).</source>
        <translation>スキーマを確認できません (%1)。</translation>
    </message>
    <message>
        <source>its schema version %1 is unknown to this version of Tenure.</source>
        <translation>スキーマのバージョン %1 は、このバージョンの Tenure では扱えません。</translation>
    </message>
    <message>
        <source>it is not a readable SQLite database (%1).</source>
        <translation>読み取れる SQLite データベースではありません(%1)。</translation>
    </message>
    <message>
        <source>it contains the %1 "%2", which Tenure does not create. The file may have been altered outside Tenure; nothing in it was run.</source>
        <translation>Tenure が作成しない%1「%2」が含まれています。Tenure 以外で変更された可能性があります。ファイル内のものは何も実行していません。</translation>
    </message>
    <message>
        <source>its %1 "%2" is not the one Tenure creates%3. The file may have been altered outside Tenure; nothing in it was run.</source>
        <translation>%1「%2」が Tenure の作成するものと異なります%3。Tenure 以外で変更された可能性があります。ファイル内のものは何も実行していません。</translation>
    </message>
</context>
<context>
    <name>ScoreCommand</name>
    <message>
        <source>Score the accounts: fold new events into stages, health scores and history (incremental).</source>
        <translation>顧客をスコアリングします: 新しいイベントをステージ、健全性スコア、履歴に反映 (差分)。</translation>
    </message>
    <message>
        <source>Rebuild every summary from the event log instead.</source>
        <translation>代わりにすべての集計をイベントログから再構築します。</translation>
    </message>
    <message>
        <source>Score as of the end of this day (default: today).</source>
        <translation>この日の終わり時点でスコアリングします (既定: 今日)。</translation>
    </message>
    <message>
        <source>tenure-cli score: --as-of expects a date as YYYY-MM-DD, got "%1".</source>
        <translation>tenure-cli score: --as-of には YYYY-MM-DD 形式の日付を指定してください (指定: 「%1」)。</translation>
    </message>
    <message>
        <source>tenure-cli score: %1</source>
        <translation>tenure-cli score: %1</translation>
    </message>
    <message>
        <source>tenure-cli score: the action queue: %1</source>
        <translation>tenure-cli score: アクションキュー: %1</translation>
    </message>
    <message>
        <source>Action queue: %1 open (%2 new, %3 cleared, %4 back from snooze).</source>
        <translation>アクションキュー: 未対応 %1 (新規 %2、解消 %3、スヌーズから復帰 %4)。</translation>
    </message>
    <message>
        <source>%1 as of %2 with rules v%3: %4 events folded in, %5 accounts scored, %6 history rows (%7 s).</source>
        <translation>%1 (%2 時点、ルール v%3): 反映したイベント %4、スコアリングした顧客 %5、履歴 %6 行 (%7 秒)。</translation>
    </message>
    <message>
        <source>Re-scored with new rules</source>
        <translation>新しいルールで再スコアリングしました</translation>
    </message>
    <message>
        <source>Rebuilt from the log</source>
        <translation>ログから再構築しました</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>スコアリング完了</translation>
    </message>
    <message>
        <source>tenure-cli score: the team's engine runs elsewhere (%1); it scores after every pull and on each day change, and every desktop sees its results.</source>
        <translation>tenure-cli score: チームのエンジンは別の場所で動いています (%1)。取り込みのたびと日付が変わるたびにスコアリングし、結果はすべてのデスクトップに表示されます。</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>別のプロセス</translation>
    </message>
    <message>
        <source>Team workspace %1: %2 copied from the log (up to seq %3), %4 written (%5).</source>
        <translation>チームワークスペース %1: ログから%2をコピー (seq %3 まで)、%4を書き込み (%5)。</translation>
    </message>
    <message>
        <source>(no score)</source>
        <translation>(スコアなし)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>tenure-cli score: %1…</source>
        <translation>tenure-cli score: %1…</translation>
    </message>
</context>
<context>
    <name>ScoringEngine</name>
    <message>
        <source>Cannot read the event log: %1</source>
        <translation>イベントログを読み込めません: %1</translation>
    </message>
    <message>
        <source>Scoring was cancelled.</source>
        <translation>スコアリングをキャンセルしました。</translation>
    </message>
    <message>
        <source>Folding in events</source>
        <translation>イベントを集計中</translation>
    </message>
    <message>
        <source>%1 failed after %2 attempts; nothing of it was kept: %3</source>
        <translation>%1 は %2 回試みても失敗したため、保存していません: %3</translation>
    </message>
    <message>
        <source>account %1: %2</source>
        <translation>顧客 %1: %2</translation>
    </message>
    <message>
        <source>Scoring accounts %1 to %2</source>
        <translation>顧客 %1〜%2 をスコアリング中</translation>
    </message>
    <message>
        <source>Scoring accounts</source>
        <translation>顧客をスコアリング中</translation>
    </message>
    <message>
        <source>Cannot read events after %1: %2</source>
        <translation>%1 以降のイベントを読み込めません: %2</translation>
    </message>
    <message>
        <source>Scoring events %1 to %2</source>
        <translation>イベント %1〜%2 をスコアリング中</translation>
    </message>
    <message>
        <source>Saving the engine state</source>
        <translation>エンジンの状態を保存中</translation>
    </message>
    <message>
        <source>Cannot prepare the rebuild: %1</source>
        <translation>再構築を準備できません: %1</translation>
    </message>
    <message>
        <source>Cannot swap in the rebuilt summaries: %1</source>
        <translation>再構築した集計に切り替えられません: %1</translation>
    </message>
    <message>
        <source>The stored aggregates of account %1 are unreadable; rebuild the summaries.</source>
        <translation>顧客 %1 の集計データが読み取れません。集計を再構築してください。</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>Cannot read the secret of connector "%1" from the keychain (%2). On a machine without a keychain, set %3.</source>
        <translation>コネクタ「%1」のシークレットをキーチェーンから読み込めません(%2)。キーチェーンのないマシンでは %3 を設定してください。</translation>
    </message>
    <message>
        <source>Cannot store the secret of connector "%1" in the keychain (%2). On a machine without a keychain, set %3 instead.</source>
        <translation>コネクタ「%1」のシークレットをキーチェーンに保存できません(%2)。キーチェーンのないマシンでは代わりに %3 を設定してください。</translation>
    </message>
    <message>
        <source>Cannot remove the secret of connector "%1": %2</source>
        <translation>コネクタ「%1」のシークレットを削除できません: %2</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>Be the team workspace's engine: score after every pull, change and day; stop on SIGTERM.</source>
        <translation>チームワークスペースのエンジンとして動作します: 取り込み・変更・日付変更のたびにスコアリングし、SIGTERM で停止します。</translation>
    </message>
    <message>
        <source>The engine's working copy of the team's log (default: in the cache folder).</source>
        <translation>エンジンが使うチームのログの作業コピー (既定: キャッシュフォルダー内)。</translation>
    </message>
    <message>
        <source>Score at least every N minutes (default 5).</source>
        <translation>少なくとも N 分ごとにスコアリングします (既定 5)。</translation>
    </message>
    <message>
        <source>While another process is the engine, try to take over every N seconds (default 15).</source>
        <translation>別のプロセスがエンジンの間、N 秒ごとに引き継ぎを試みます (既定 15)。</translation>
    </message>
    <message>
        <source>tenure-cli serve: --db must name a team workspace (postgresql://… or a .tenure-team file); a workspace file is scored by the app that opens it</source>
        <translation>tenure-cli serve: --db にはチームワークスペース (postgresql://… または .tenure-team ファイル) を指定してください。ワークスペースファイルは開いたアプリがスコアリングします</translation>
    </message>
    <message>
        <source>tenure-cli serve: %1</source>
        <translation>tenure-cli serve: %1</translation>
    </message>
    <message>
        <source>tenure-cli serve: cannot set up signal handling</source>
        <translation>tenure-cli serve: シグナル処理を設定できません</translation>
    </message>
    <message>
        <source>Stopping: the engine lock is released for the next engine.</source>
        <translation>停止します: 次のエンジンのためにエンジンのロックを解放しました。</translation>
    </message>
    <message>
        <source>Stopping: this process stood by; the engine runs elsewhere.</source>
        <translation>停止します: このプロセスは待機していただけで、エンジンは別の場所で動いています。</translation>
    </message>
</context>
<context>
    <name>SourceKinds</name>
    <message>
        <source>REST API</source>
        <translation>REST API</translation>
    </message>
    <message>
        <source>Mixpanel export</source>
        <translation>Mixpanel エクスポート</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>CSV import</source>
        <translation>CSV インポート</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>デモデータ</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>顧客</translation>
    </message>
    <message>
        <source>usage events</source>
        <translation>利用イベント</translation>
    </message>
    <message>
        <source>outcomes</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>account keys</source>
        <translation>顧客キー</translation>
    </message>
</context>
<context>
    <name>SourceStore</name>
    <message>
        <source>A source needs a name.</source>
        <translation>データソースには名前が必要です。</translation>
    </message>
    <message>
        <source>Source "%1" already exists as a %2 source, not %3.</source>
        <translation>データソース「%1」は %3 ではなく %2 として既に存在します。</translation>
    </message>
    <message>
        <source>Cannot register source "%1": %2</source>
        <translation>データソース「%1」を登録できません: %2</translation>
    </message>
    <message>
        <source>Cannot save the settings of source "%1": %2</source>
        <translation>データソース「%1」の設定を保存できません: %2</translation>
    </message>
    <message>
        <source>Source "%1" is not registered in this workspace.</source>
        <translation>データソース「%1」はこのワークスペースに登録されていません。</translation>
    </message>
    <message>
        <source>Cannot save the progress of source "%1": %2</source>
        <translation>データソース「%1」の進捗を保存できません: %2</translation>
    </message>
</context>
<context>
    <name>StatsCommand</name>
    <message>
        <source>Count the accounts, events, outcomes and sources of a workspace.</source>
        <translation>ワークスペースの顧客、イベント、結果、データソースを数えます。</translation>
    </message>
    <message>
        <source>Print one JSON object instead of a table.</source>
        <translation>表の代わりに 1 つの JSON オブジェクトを出力します。</translation>
    </message>
    <message>
        <source>tenure-cli stats: %1</source>
        <translation>tenure-cli stats: %1</translation>
    </message>
    <message>
        <source>Workspace  %1</source>
        <translation>ワークスペース  %1</translation>
    </message>
    <message>
        <source>Schema     %1</source>
        <translation>スキーマ        %1</translation>
    </message>
    <message>
        <source>Time zone  %1</source>
        <translation>タイムゾーン    %1</translation>
    </message>
    <message>
        <source>Accounts   %1</source>
        <translation>顧客            %1</translation>
    </message>
    <message>
        <source>Events     %1</source>
        <translation>イベント        %1</translation>
    </message>
    <message>
        <source>Outcomes   %1</source>
        <translation>結果            %1</translation>
    </message>
    <message>
        <source>Sources    %1</source>
        <translation>データソース    %1</translation>
    </message>
    <message>
        <source>Visible    %1</source>
        <translation>表示範囲        %1</translation>
    </message>
    <message>
        <source>every account (own-accounts-only off)</source>
        <translation>すべての顧客 (own-accounts-only off)</translation>
    </message>
    <message>
        <source>every account (own-accounts-only on; admins see all)</source>
        <translation>すべての顧客 (own-accounts-only on。管理者はすべて表示)</translation>
    </message>
    <message>
        <source>your own accounts only (own-accounts-only on)</source>
        <translation>自分が担当する顧客のみ (own-accounts-only on)</translation>
    </message>
</context>
<context>
    <name>StatusHistory</name>
    <message>
        <source>history of %1, %2: %3</source>
        <translation>%1 の履歴 (%2): %3</translation>
    </message>
</context>
<context>
    <name>SummaryStore</name>
    <message>
        <source>The stored aggregates of account %1 are unreadable; rebuild the summaries.</source>
        <translation>顧客 %1 の集計データが読み取れません。集計を再構築してください。</translation>
    </message>
    <message>
        <source>events were folded in by another process while the accounts were scored again; the next pass starts over</source>
        <translation>再スコアリング中に別のプロセスがイベントを集計しました。次回のスコアリングでやり直します</translation>
    </message>
</context>
<context>
    <name>TeamAccess</name>
    <message>
        <source>Cannot set own-accounts-only on %1 (only an admin may): %2</source>
        <translation>%1 の own-accounts-only を変更できません(変更できるのは管理者だけです): %2</translation>
    </message>
    <message>
        <source>Every login of the server may connect to the team workspace %1, where only its members should: ask %2, who owns the database, to run: %3</source>
        <translation>サーバーのすべてのログインがチームワークスペース %1 に接続できます (接続できるべきなのはメンバーだけです)。データベースの所有者 %2 に次を実行するよう依頼してください: %3</translation>
    </message>
</context>
<context>
    <name>TeamCommand</name>
    <message>
        <source>Team workspaces on PostgreSQL: init URL, upgrade URL, add-member LOGIN, list, remove LOGIN, push --from FILE URL, set own-accounts-only on|off URL.</source>
        <translation>PostgreSQL 上のチームワークスペース: init URL、upgrade URL、add-member LOGIN、list、remove LOGIN、push --from FILE URL、set own-accounts-only on|off URL。</translation>
    </message>
    <message>
        <source>init, upgrade, add-member, list, remove, push or set</source>
        <translation>init、upgrade、add-member、list、remove、push、set</translation>
    </message>
    <message>
        <source>init, upgrade, push: the team workspace (postgresql://user@host:port/db or a .tenure-team file; or --db); add-member, remove: the login; set: own-accounts-only on|off, then the team workspace</source>
        <translation>init、upgrade、push: チームワークスペース (postgresql://user@host:port/db または .tenure-team ファイル、または --db)。add-member、remove: ログイン名。set: own-accounts-only on|off の後にチームワークスペース</translation>
    </message>
    <message>
        <source>init: the team's time zone (default: this machine's).</source>
        <translation>init: チームのタイムゾーン (既定: このマシンのもの)。</translation>
    </message>
    <message>
        <source>add-member: the member's display name, as accounts name their owner.</source>
        <translation>add-member: メンバーの表示名 (顧客の担当者名と同じもの)。</translation>
    </message>
    <message>
        <source>add-member: admin, csm or ingest.</source>
        <translation>add-member: admin、csm、ingest のいずれか。</translation>
    </message>
    <message>
        <source>add-member: read the member's password from standard input (one line; it is sent only as a SCRAM verifier).</source>
        <translation>add-member: メンバーのパスワードを標準入力から読み込みます (1 行。SCRAM の検証子としてのみ送信)。</translation>
    </message>
    <message>
        <source>push: the workspace file to move in.</source>
        <translation>push: 移すワークスペースファイル。</translation>
    </message>
    <message>
        <source>init: also write a .tenure-team file for the team's desktops.</source>
        <translation>init: チームのデスクトップ用に .tenure-team ファイルも書き出します。</translation>
    </message>
    <message>
        <source>tenure-cli team: expected init URL, upgrade URL, add-member LOGIN --name NAME --role ROLE, list, remove LOGIN, push --from FILE URL or set own-accounts-only on|off URL</source>
        <translation>tenure-cli team: init URL、upgrade URL、add-member LOGIN --name NAME --role ROLE、list、remove LOGIN、push --from FILE URL、set own-accounts-only on|off URL のいずれかを指定してください</translation>
    </message>
    <message>
        <source>tenure-cli team %1: expected the member's login</source>
        <translation>tenure-cli team %1: メンバーのログイン名を指定してください</translation>
    </message>
    <message>
        <source>tenure-cli team set: expected own-accounts-only on|off and the team workspace</source>
        <translation>tenure-cli team set: own-accounts-only on|off とチームワークスペースを指定してください</translation>
    </message>
    <message>
        <source>tenure-cli team %1: name the team workspace as postgresql://user@host:port/database or a .tenure-team file (positional or --db)</source>
        <translation>tenure-cli team %1: チームワークスペースを postgresql://user@host:port/database または .tenure-team ファイルで指定してください (引数または --db)</translation>
    </message>
    <message>
        <source>tenure-cli team: %1</source>
        <translation>tenure-cli team: %1</translation>
    </message>
    <message>
        <source>tenure-cli team remove: %1</source>
        <translation>tenure-cli team remove: %1</translation>
    </message>
    <message>
        <source>Removed %1 from the team (the login stays; drop it with DROP ROLE if it has no other use).</source>
        <translation>%1 をチームから外しました (ログインは残ります。ほかに使わないなら DROP ROLE で削除してください)。</translation>
    </message>
    <message>
        <source>tenure-cli team init: cannot write %1: %2</source>
        <translation>tenure-cli team init: %1 を書き込めません: %2</translation>
    </message>
    <message>
        <source>tenure-cli team init: %1</source>
        <translation>tenure-cli team init: %1</translation>
    </message>
    <message>
        <source>Wrote %1: open it in Tenure or pass it as --db.</source>
        <translation>%1 を書き出しました。Tenure で開くか、--db に指定してください。</translation>
    </message>
    <message>
        <source>Warning: cannot tell who may connect: %1</source>
        <translation>警告: 接続できるログインを確認できません: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>tenure-cli team add-member: expected --name NAME and --role admin|csm|ingest</source>
        <translation>tenure-cli team add-member: --name NAME と --role admin|csm|ingest を指定してください</translation>
    </message>
    <message>
        <source>tenure-cli team add-member: --password-stdin read no password</source>
        <translation>tenure-cli team add-member: --password-stdin でパスワードを読み込めませんでした</translation>
    </message>
    <message>
        <source>tenure-cli team add-member: %1</source>
        <translation>tenure-cli team add-member: %1</translation>
    </message>
    <message>
        <source>%1 (%2) is a member with role %3.</source>
        <translation>%1 (%2) はロール %3 のメンバーです。</translation>
    </message>
    <message>
        <source>tenure-cli team list: %1</source>
        <translation>tenure-cli team list: %1</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>ロール</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>own-accounts-only: on (each CSM sees only the accounts they own)</source>
        <translation>own-accounts-only: on (各 CSM は自分が担当する顧客だけを表示)</translation>
    </message>
    <message>
        <source>own-accounts-only: off (every member sees every account)</source>
        <translation>own-accounts-only: off (全メンバーがすべての顧客を表示)</translation>
    </message>
    <message>
        <source>tenure-cli team upgrade: %1</source>
        <translation>tenure-cli team upgrade: %1</translation>
    </message>
    <message>
        <source>Team workspace %1 has schema %2 already.</source>
        <translation>チームワークスペース %1 はすでにスキーマ %2 です。</translation>
    </message>
    <message>
        <source>Team workspace %1 upgraded from schema %2 to %3.</source>
        <translation>チームワークスペース %1 をスキーマ %2 から %3 にアップグレードしました。</translation>
    </message>
    <message>
        <source>tenure-cli team set: %1</source>
        <translation>tenure-cli team set: %1</translation>
    </message>
    <message>
        <source>own-accounts-only is on: each CSM of %1 now sees only the accounts they own (admins, the engine and the ingest role see every account).</source>
        <translation>own-accounts-only を on にしました: %1 の各 CSM は自分が担当する顧客だけを表示します (管理者、エンジン、ingest ロールはすべての顧客を表示)。</translation>
    </message>
    <message>
        <source>own-accounts-only is off: every member of %1 sees every account.</source>
        <translation>own-accounts-only を off にしました: %1 の全メンバーがすべての顧客を表示します。</translation>
    </message>
    <message>
        <source>tenure-cli team push: expected --from FILE, the workspace file to move in</source>
        <translation>tenure-cli team push: 移すワークスペースファイルを --from FILE で指定してください</translation>
    </message>
    <message>
        <source>tenure-cli team push: %1</source>
        <translation>tenure-cli team push: %1</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>ファイル内</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注: %1</translation>
    </message>
    <message>
        <source>Pushed %1 into %2: %3 rows added.</source>
        <translation>%1 を %2 に移しました: %3 行を追加。</translation>
    </message>
    <message>
        <source>Team workspace %1 is ready (schema %2). Add members with: tenure-cli team add-member LOGIN --name NAME --role admin|csm|ingest --password-stdin --db %3</source>
        <translation>チームワークスペース %1 の準備ができました (スキーマ %2)。メンバーの追加: tenure-cli team add-member LOGIN --name NAME --role admin|csm|ingest --password-stdin --db %3</translation>
    </message>
    <message>
        <source>Note: no password was given (--password-stdin): %1 signs in with the password its login had already, if any, or by the server's other means (pg_hba.conf); a login without either cannot sign in.</source>
        <translation>注: パスワードが指定されていません(--password-stdin)。%1 はログインに既にあるパスワード、またはサーバーの他の認証方法(pg_hba.conf)でサインインします。どちらもないログインはサインインできません。</translation>
    </message>
</context>
<context>
    <name>TeamCopies</name>
    <message>
        <source>Cannot remove this machine's copy of the team workspace %1: %2 cannot be removed.</source>
        <translation>このコンピュータにあるチームワークスペース %1 のコピーを削除できません: %2 を削除できません。</translation>
    </message>
</context>
<context>
    <name>TeamDatabase</name>
    <message>
        <source>the host name %1 is not known (check the host, or the network's DNS).</source>
        <translation>ホスト名 %1 が見つかりません(ホスト名か、ネットワークの DNS を確認してください)。</translation>
    </message>
    <message>
        <source>the server refused the connection (is PostgreSQL running and listening on port %1?).</source>
        <translation>サーバーが接続を拒否しました(PostgreSQL が起動していて、ポート %1 で待ち受けているか確認してください)。</translation>
    </message>
    <message>
        <source>no answer within %1 s (the server is down or a firewall drops the connection).</source>
        <translation>%1 秒以内に応答がありません(サーバーが停止しているか、ファイアウォールが接続を遮断しています)。</translation>
    </message>
    <message>
        <source>the server refused the password of user "%1" (Connect to Team Workspace… saves it in the keychain; headless machines use ~/.pgpass or PGPASSWORD).</source>
        <translation>サーバーがユーザー「%1」のパスワードを拒否しました(「チームワークスペースに接続…」でキーチェーンに保存できます。画面のないマシンでは ~/.pgpass か PGPASSWORD を使います)。</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(既定)</translation>
    </message>
    <message>
        <source>its TLS certificate is not trusted (%1). Check the CA file (sslrootcert) and that the certificate names the host.</source>
        <translation>TLS 証明書が信頼されていません (%1)。CA ファイル (sslrootcert) と、証明書のホスト名を確認してください。</translation>
    </message>
    <message>
        <source>the database "%1" does not exist.</source>
        <translation>データベース「%1」は存在しません。</translation>
    </message>
    <message>
        <source>the server does not let this user in from here (pg_hba.conf).</source>
        <translation>サーバーがこの場所からのこのユーザーの接続を許可していません (pg_hba.conf)。</translation>
    </message>
    <message>
        <source>the server does not support TLS, but sslmode=%1 requires it.</source>
        <translation>サーバーが TLS に対応していませんが、sslmode=%1 では TLS が必要です。</translation>
    </message>
    <message>
        <source>Cannot connect to the team workspace %1 on %2: %3</source>
        <translation>%2 のチームワークスペース %1 に接続できません: %3</translation>
    </message>
    <message>
        <source>The Qt PostgreSQL driver (QPSQL) is not available; install libqt6sql6-psql.</source>
        <translation>Qt の PostgreSQL ドライバー (QPSQL) がありません。libqt6sql6-psql をインストールしてください。</translation>
    </message>
    <message>
        <source>The database %1 is not a Tenure team workspace (run tenure-cli team init on an empty database to make one).</source>
        <translation>データベース %1 は Tenure のチームワークスペースではありません(空のデータベースで tenure-cli team init を実行すると作成できます)。</translation>
    </message>
    <message>
        <source>The database %1 is not a Tenure team workspace.</source>
        <translation>データベース %1 は Tenure のチームワークスペースではありません。</translation>
    </message>
    <message>
        <source>The team workspace %1 was written by a newer version of Tenure (schema %2; this version reads up to %3). Update Tenure to open it.</source>
        <translation>チームワークスペース %1 は新しいバージョンの Tenure で書かれています(スキーマ %2。このバージョンが読めるのは %3 まで)。開くには Tenure を更新してください。</translation>
    </message>
    <message>
        <source>%1 (on %2)</source>
        <translation>%1 (%2 上)</translation>
    </message>
    <message>
        <source>Cannot start a transaction on %1: %2</source>
        <translation>%1 でトランザクションを開始できません: %2</translation>
    </message>
    <message>
        <source>Cannot commit on %1: %2</source>
        <translation>%1 でコミットできません: %2</translation>
    </message>
    <message>
        <source>The password for %1 could not be saved in the keychain: %2</source>
        <translation>%1 のパスワードをキーチェーンに保存できませんでした: %2</translation>
    </message>
    <message>
        <source>the server closed the connection (it is stopping or restarting).</source>
        <translation>サーバーが接続を閉じました (停止中または再起動中です)。</translation>
    </message>
    <message>
        <source>The team workspace %1 has schema %2; this version of Tenure needs schema %3. The workspace's owner (the login that ran team init) upgrades it with: tenure-cli team upgrade URL</source>
        <translation>チームワークスペース %1 のスキーマは %2 ですが、この版の Tenure にはスキーマ %3 が必要です。ワークスペースの所有者(team init を実行したログイン)が次のコマンドでアップグレードしてください: tenure-cli team upgrade URL</translation>
    </message>
    <message>
        <source>The CA file path %1 contains ';', which the connection cannot pass on: move or rename the file.</source>
        <translation>CA ファイルのパス %1 に ';' が含まれているため、接続に渡せません。ファイルを移動するか名前を変更してください。</translation>
    </message>
    <message>
        <source>user "%1" is not a member of this team workspace (an admin adds members with tenure-cli team add-member).</source>
        <translation>ユーザー "%1" はこのチームワークスペースのメンバーではありません (メンバーは管理者が tenure-cli team add-member で追加します)。</translation>
    </message>
    <message>
        <source>no password was given for user "%1" (Connect to Team Workspace… saves it in the keychain; headless machines use ~/.pgpass or PGPASSWORD).</source>
        <translation>ユーザー「%1」のパスワードが指定されていません(「チームワークスペースに接続…」でキーチェーンに保存できます。画面のないマシンでは ~/.pgpass か PGPASSWORD を使います)。</translation>
    </message>
    <message>
        <source>the CA file %1 does not exist (sslmode=%2 checks the server's certificate against it: set sslrootcert to the file of the CA that signed it).</source>
        <translation>CA ファイル %1 がありません(sslmode=%2 ではこのファイルでサーバー証明書を検証します。証明書に署名した CA のファイルを sslrootcert に指定してください)。</translation>
    </message>
    <message>
        <source>the team's server refused it (%1): %2 is a member with the %3 role, which may not do this (docs/team.md, Roles) (on %4)</source>
        <translation>チームのサーバーが拒否しました(%1): %2 は %3 ロールのメンバーで、この操作は許可されていません(docs/team.md の「Roles」を参照)(%4)</translation>
    </message>
    <message>
        <source>its TLS certificate is for %1%2, not for %3: connect by a name the certificate holds, or give the server a certificate for this one.</source>
        <translation>TLS 証明書は %1%2 のもので、%3 のものではありません。証明書にある名前で接続するか、サーバーにこの名前の証明書を設定してください。</translation>
    </message>
</context>
<context>
    <name>TeamEngine</name>
    <message>
        <source>%1 from %2 (%3, connected %4)</source>
        <translation>%2 の %1(%3、%4 に接続)</translation>
    </message>
    <message>
        <source>Cannot open the engine's copy of the team workspace: %1</source>
        <translation>エンジン用のチームワークスペースのコピーを開けません: %1</translation>
    </message>
    <message>
        <source>This process is not the team's engine.</source>
        <translation>このプロセスはチームのエンジンではありません。</translation>
    </message>
    <message>
        <source>Copying the team's log</source>
        <translation>チームのログをコピーしています</translation>
    </message>
    <message>
        <source>Cannot share the default rules with %1: %2</source>
        <translation>%1 と既定のルールを共有できません: %2</translation>
    </message>
    <message>
        <source>The scores of %1 are published, but its action queue could not be refreshed: %2</source>
        <translation>%1 のスコアは公開しましたが、アクションを更新できませんでした: %2</translation>
    </message>
    <message>
        <source>The engine's copy %1 is in use by another process on this machine.</source>
        <translation>エンジンのコピー %1 は、このマシンの別のプロセスが使用中です。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>a local socket</source>
        <translation>ローカルソケット</translation>
    </message>
    <message>
        <source>copying the log %1 s, scoring %2 s, publishing %3 s, the action queue %4 s</source>
        <translation>ログのコピー %1 秒、スコアリング %2 秒、公開 %3 秒、アクションキュー %4 秒</translation>
    </message>
    <message>
        <source>The team's log is not the one this machine's copy was made from (the database was restored from a backup, or made anew): the copy was made again from the server, and every score published again.</source>
        <translation>チームのログが、このマシンのコピーの作成元のログと異なります(データベースがバックアップから復元されたか、作り直されました)。コピーをサーバーから作り直し、すべてのスコアを公開し直しました。</translation>
    </message>
    <message>
        <source>Cannot read the team workspace %1: %2</source>
        <translation>チームワークスペース %1 を読み取れません: %2</translation>
    </message>
    <message>
        <source>%1 is a member of the team workspace %2 with the %3 role, and the team's engine signs in as an admin: it publishes the scores every desktop reads (docs/team.md, The one engine).</source>
        <translation>%1 はチームワークスペース %2 の %3 ロールのメンバーです。チームのエンジンは管理者としてサインインします。エンジンは全デスクトップが読むスコアを公開するためです(docs/team.md の「The one engine」を参照)。</translation>
    </message>
    <message>
        <source>%1 is neither a member of the team workspace %2 nor its owner: the team's engine signs in as an admin (docs/team.md, The one engine).</source>
        <translation>%1 はチームワークスペース %2 のメンバーでも所有者でもありません。チームのエンジンは管理者としてサインインします(docs/team.md の「The one engine」を参照)。</translation>
    </message>
</context>
<context>
    <name>TeamImport</name>
    <message>
        <source>Cannot prepare the import (%1): %2</source>
        <translation>インポートを準備できません (%1): %2</translation>
    </message>
    <message>
        <source>Cannot prepare the import: %1</source>
        <translation>インポートを準備できません: %1</translation>
    </message>
    <message>
        <source>Nothing was imported into %1: %2</source>
        <translation>%1 には何もインポートされませんでした: %2</translation>
    </message>
    <message>
        <source>Cannot prepare the pull: %1</source>
        <translation>取り込みを準備できません: %1</translation>
    </message>
    <message>
        <source>Nothing pulled was added to %1: %2</source>
        <translation>取り込んだデータは %1 に追加されませんでした: %2</translation>
    </message>
    <message>
        <source>Only an admin or an ingest login pulls into the team workspace %1: %2 is a member with the %3 role. Nothing was pulled.</source>
        <translation>チームワークスペース %1 に取り込めるのは管理者か ingest ロールのログインだけです。%2 は %3 ロールのメンバーです。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>Only an admin imports into the team workspace %1: %2 is a member with the %3 role. Nothing was imported.</source>
        <translation>チームワークスペース %1 にインポートできるのは管理者だけです。%2 は %3 ロールのメンバーです。何もインポートしていません。</translation>
    </message>
    <message>
        <source>Into the team workspace %1: %2.</source>
        <translation>チームワークスペース %1 へ: %2。</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>新しいデータなし</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>TeamImportTarget</name>
    <message>
        <source>No temporary folder to stage the team's data in: %1</source>
        <translation>チームのデータを準備する一時フォルダーがありません: %1</translation>
    </message>
    <message>
        <source>Nothing was staged for %1.</source>
        <translation>%1 向けに準備されたデータがありません。</translation>
    </message>
</context>
<context>
    <name>TeamKeptNotes</name>
    <message>
        <source>Cannot read the notes kept for the team server (%1): %2</source>
        <translation>チームサーバー向けに保存したメモを読み込めません(%1): %2</translation>
    </message>
    <message>
        <source>The notes kept for the team server (%1) are not readable: %2</source>
        <translation>チームサーバー向けに保存したメモ(%1)を読み取れません: %2</translation>
    </message>
    <message>
        <source>Cannot update the notes kept for the team server (%1).</source>
        <translation>チームサーバー向けに保存したメモを更新できません(%1)。</translation>
    </message>
    <message>
        <source>Cannot keep the notes for the team server (%1): %2</source>
        <translation>チームサーバー向けのメモを保存できません(%1): %2</translation>
    </message>
</context>
<context>
    <name>TeamLocation</name>
    <message>
        <source>A team workspace location never holds a password: Tenure reads it from the keychain, ~/.pgpass or PGPASSWORD.</source>
        <translation>チームワークスペースの場所にパスワードは含めません。Tenure はキーチェーン、~/.pgpass、PGPASSWORD から読み取ります。</translation>
    </message>
    <message>
        <source>The %1 "%2" cannot hold ';', quotes or backslashes.</source>
        <translation>%1「%2」には ';'、引用符、バックスラッシュを使えません。</translation>
    </message>
    <message>
        <source>The team workspace location names no host.</source>
        <translation>チームワークスペースの場所にホストが指定されていません。</translation>
    </message>
    <message>
        <source>The team workspace location names no database (…/DATABASE).</source>
        <translation>チームワークスペースの場所にデータベースが指定されていません (…/DATABASE)。</translation>
    </message>
    <message>
        <source>The port %1 is not a TCP port (1-65535).</source>
        <translation>ポート %1 は TCP ポート (1-65535) ではありません。</translation>
    </message>
    <message>
        <source>sslmode "%1" is not one of %2.</source>
        <translation>sslmode「%1」は %2 のいずれでもありません。</translation>
    </message>
    <message>
        <source>"%1" is not a PostgreSQL URL (postgresql://user@host:5432/database).</source>
        <translation>「%1」は PostgreSQL の URL (postgresql://user@host:5432/database) ではありません。</translation>
    </message>
    <message>
        <source>The URL parameter "%1" is not one Tenure knows (sslmode, sslrootcert, connect_timeout).</source>
        <translation>URL パラメーター「%1」は Tenure が扱えるもの (sslmode、sslrootcert、connect_timeout) ではありません。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>%1, line %2: expected "key = value".</source>
        <translation>%1、%2 行目: 「key = value」の形式で書いてください。</translation>
    </message>
    <message>
        <source>%1, line %2: port "%3" is not a number.</source>
        <translation>%1、%2 行目: ポート「%3」が数値ではありません。</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1、%2 行目: %3</translation>
    </message>
    <message>
        <source>%1, line %2: unknown key "%3" (host, port, database, user, sslmode, sslrootcert, connect_timeout).</source>
        <translation>%1、%2 行目: 不明なキー「%3」(host、port、database、user、sslmode、sslrootcert、connect_timeout)。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>connect_timeout "%1" is not a number of seconds (1 or more).</source>
        <translation>connect_timeout「%1」は秒数(1 以上の整数)ではありません。</translation>
    </message>
    <message>
        <source>%1, line %2: connect_timeout "%3" is not a number of seconds (1 or more).</source>
        <translation>%1、%2 行目: connect_timeout「%3」は秒数(1 以上の整数)ではありません。</translation>
    </message>
</context>
<context>
    <name>TeamMembers</name>
    <message>
        <source>"%1" is not a role: admin, csm or ingest.</source>
        <translation>「%1」はロールではありません: admin、csm、ingest のいずれかです。</translation>
    </message>
    <message>
        <source>A member needs a login.</source>
        <translation>メンバーにはログイン名が必要です。</translation>
    </message>
    <message>
        <source>Member %1 needs a display name (--name), the name accounts use as their owner.</source>
        <translation>メンバー %1 には表示名 (--name) が必要です。顧客の担当者名として使われます。</translation>
    </message>
    <message>
        <source>Cannot prepare the password of %1: %2</source>
        <translation>%1 のパスワードを準備できません: %2</translation>
    </message>
    <message>
        <source>Cannot add member %1: %2</source>
        <translation>メンバー %1 を追加できません: %2</translation>
    </message>
    <message>
        <source>Cannot remove member %1: %2</source>
        <translation>メンバー %1 を削除できません: %2</translation>
    </message>
    <message>
        <source>%1 is not a member of this team workspace.</source>
        <translation>%1 はこのチームワークスペースのメンバーではありません。</translation>
    </message>
    <message>
        <source>Member %1 has the display name "%2" already; accounts name their owner by it, so each member needs a name of their own.</source>
        <translation>メンバー %1 がすでに表示名「%2」を使っています。顧客の担当者はこの名前で示されるため、メンバーごとに別の名前が必要です。</translation>
    </message>
</context>
<context>
    <name>TeamPublisher</name>
    <message>
        <source>Cannot publish the scores to %1: %2</source>
        <translation>%1 にスコアを公開できません: %2</translation>
    </message>
    <message>
        <source>this engine no longer holds the team's engine lock (another engine took over).</source>
        <translation>このエンジンはチームのエンジンロックを失いました(別のエンジンが引き継ぎました)。</translation>
    </message>
</context>
<context>
    <name>TeamPuller</name>
    <message>
        <source>no temporary folder to stage the pulls in: %1</source>
        <translation>取り込みの準備に使う一時フォルダがありません: %1</translation>
    </message>
    <message>
        <source>Pull of %1 skipped: no secret on this machine (set %2).</source>
        <translation>%1 の取り込みをスキップしました: このマシンにシークレットがありません (%2 を設定してください)。</translation>
    </message>
    <message>
        <source>Pull of %1 failed: %2</source>
        <translation>%1 の取り込みに失敗しました: %2</translation>
    </message>
    <message>
        <source>Pulled %1: %2 pages, %3 records, %4 rejected.</source>
        <translation>%1 を取り込みました: %2 ページ、%3 レコード、拒否 %4 件。</translation>
    </message>
</context>
<context>
    <name>TeamPush</name>
    <message>
        <source>master data</source>
        <translation>マスターデータ</translation>
    </message>
    <message>
        <source>event log</source>
        <translation>イベントログ</translation>
    </message>
    <message>
        <source>rule sets</source>
        <translation>ルールセット</translation>
    </message>
    <message>
        <source>actions and notes</source>
        <translation>アクションとメモ</translation>
    </message>
    <message>
        <source>Pushing the %1 failed and was rolled back (%2 rows of earlier groups were added and stay; run the push again to finish): %3</source>
        <translation>%1 の送信に失敗し、ロールバックしました(先に送った %2 行は追加済みで残ります。もう一度送信すると完了します): %3</translation>
    </message>
    <message>
        <source>The workspace file counts days in %1, the team workspace in %2: the team's engine scores in %2.</source>
        <translation>ワークスペースファイルの日付は %1、チームワークスペースは %2 で数えます。チームのエンジンは %2 でスコアリングします。</translation>
    </message>
    <message>
        <source>Cannot read %1 from %2: %3</source>
        <translation>%2 から %1 を読み取れません: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>イベント %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n connector cursors</source>
        <translation>
            <numerusform>コネクタのカーソル %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n sources</source>
        <translation>
            <numerusform>データソース %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n accounts</source>
        <translation>
            <numerusform>顧客 %n 社</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n account keys</source>
        <translation>
            <numerusform>顧客キー %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n outcomes</source>
        <translation>
            <numerusform>結果 %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n settings</source>
        <translation>
            <numerusform>設定 %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n rule set versions</source>
        <translation>
            <numerusform>ルールセットのバージョン %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n actions</source>
        <translation>
            <numerusform>アクション %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n action history entries</source>
        <translation>
            <numerusform>アクション履歴 %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n account notes</source>
        <translation>
            <numerusform>顧客メモ %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n rows of %1</source>
        <translation>
            <numerusform>%1 の行 %n 件</numerusform></translation>
    </message>
    <message>
        <source>Cannot copy %1 from %2: %3</source>
        <translation>%2 から %1 をコピーできません: %3</translation>
    </message>
    <message>
        <source>Only an admin moves a workspace into the team workspace %1: %2 is a member with the %3 role. Nothing was pushed.</source>
        <translation>ワークスペースをチームワークスペース %1 に移せるのは管理者だけです。%2 は %3 ロールのメンバーです。何も移していません。</translation>
    </message>
    <message>
        <source>The server writes a member's history rows and notes under the member's name: those pushed by %1 are under %2, whoever wrote them in the file. To keep the file's authors, the team workspace's owner pushes it, before any member does.</source>
        <translation>サーバーはメンバーの履歴とメモをそのメンバーの名前で記録します: %1 がプッシュしたものは、ファイル上の作成者にかかわらず %2 の名前になります。ファイル上の作成者を残すには、メンバーより先にチームワークスペースの所有者がプッシュしてください。</translation>
    </message>
</context>
<context>
    <name>TeamReadCopy</name>
    <message>
        <source>Cannot open this machine's copy of the team workspace: %1</source>
        <translation>このマシンにあるチームワークスペースのコピーを開けません: %1</translation>
    </message>
    <message>
        <source>Cannot score the copy of the team workspace: %1</source>
        <translation>チームワークスペースのコピーをスコアリングできません: %1</translation>
    </message>
    <message>
        <source>This machine's copy of the team workspace (%1) is busy; try again.</source>
        <translation>このマシンのチームワークスペースのコピー (%1) は使用中です。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Cannot start this machine's copy of the team workspace (%1) over: %2</source>
        <translation>このマシンのチームワークスペースのコピー (%1) を作り直せません: %2</translation>
    </message>
    <message>
        <source>the file cannot be removed</source>
        <translation>ファイルを削除できません</translation>
    </message>
</context>
<context>
    <name>TeamReplica</name>
    <message>
        <source>Cannot copy the team's accounts from %1: %2</source>
        <translation>%1 からチームの顧客をコピーできません: %2</translation>
    </message>
    <message>
        <source>Cannot copy the team's rules from %1: %2</source>
        <translation>%1 からチームのルールをコピーできません: %2</translation>
    </message>
    <message>
        <source>Cannot copy the team's event log from %1: %2</source>
        <translation>%1 からチームのイベントログをコピーできません: %2</translation>
    </message>
    <message>
        <source>Cannot copy the team's actions from %1: %2</source>
        <translation>%1 からチームのアクションをコピーできません: %2</translation>
    </message>
    <message>
        <source>unexpected row from the team's log (%1 fields)</source>
        <translation>チームのログに想定外の行があります(項目数 %1)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
    <message>
        <source>Cannot use this machine's copy of the team workspace: %1</source>
        <translation>このマシンのチームワークスペースのコピーを使えません: %1</translation>
    </message>
    <message>
        <source>Cannot copy the team's scores from %1: %2</source>
        <translation>%1 からチームのスコアをコピーできません: %2</translation>
    </message>
    <message>
        <source>event %1/%2: %3</source>
        <translation>イベント %1/%2: %3</translation>
    </message>
    <message>
        <source>Cannot read the team workspace %1: %2</source>
        <translation>チームワークスペース %1 を読み取れません: %2</translation>
    </message>
    <message>
        <source>Cannot use this machine's copy of the team workspace: the copy %1 was made from another database than %2, or from it before it was restored from a backup. Delete the copy, and the next pass makes a new one.</source>
        <translation>このマシン上のチームワークスペースのコピーを使えません: コピー %1 は %2 とは別のデータベースから、またはバックアップから復元される前の %2 から作られています。コピーを削除すると、次の処理で新しく作られます。</translation>
    </message>
</context>
<context>
    <name>TeamSchema</name>
    <message>
        <source>%1 is a Tenure team workspace already: nothing was changed.</source>
        <translation>%1 はすでに Tenure のチームワークスペースです。何も変更していません。</translation>
    </message>
    <message>
        <source>The database %1 is not empty (%2 tables, views or functions of its own): team init only prepares an empty database. Create one with: createdb DATABASE</source>
        <translation>データベース %1 は空ではありません(独自のテーブル、ビュー、関数が %2 個)。team init は空のデータベースだけを準備します。次のコマンドで作成してください: createdb DATABASE</translation>
    </message>
    <message>
        <source>"%1" is not a time zone (an IANA id such as Asia/Tokyo).</source>
        <translation>「%1」はタイムゾーンではありません(Asia/Tokyo のような IANA の ID を指定してください)。</translation>
    </message>
    <message>
        <source>Cannot prepare the team workspace %1: %2</source>
        <translation>チームワークスペース %1 を準備できません: %2</translation>
    </message>
    <message>
        <source>Cannot bring the team workspace %1 to schema %2: %3</source>
        <translation>チームワークスペース %1 をスキーマ %2 に更新できません: %3</translation>
    </message>
    <message>
        <source>Only the owner of the team workspace %1 (the login %2, which ran team init) can upgrade it; %3 is signed in.</source>
        <translation>チームワークスペース %1 をアップグレードできるのは所有者(team init を実行したログイン %2)だけです。いまのログインは %3 です。</translation>
    </message>
    <message>
        <source>The team workspace %1 is at schema %2, which this version of Tenure cannot upgrade (it knows schemas 1 to %3).</source>
        <translation>チームワークスペース %1 のスキーマ %2 は、この版の Tenure ではアップグレードできません(扱えるスキーマは 1 から %3 まで)。</translation>
    </message>
    <message>
        <source>There is no team schema %1 (this version of Tenure knows 1 to %2).</source>
        <translation>チームスキーマ %1 はありません(この版の Tenure が扱えるのは 1 から %2 まで)。</translation>
    </message>
</context>
<context>
    <name>TeamTls</name>
    <message>
        <source>its TLS certificate expired on %1; the server needs a new one (ssl_cert_file).</source>
        <translation>TLS 証明書の有効期限が %1 に切れています。サーバーに新しい証明書 (ssl_cert_file) が必要です。</translation>
    </message>
    <message>
        <source>its TLS certificate is not valid before %1 (check the clocks of both machines).</source>
        <translation>TLS 証明書は %1 より前には有効ではありません (両方のマシンの時計を確認してください)。</translation>
    </message>
    <message>
        <source>its TLS certificate is for %1, not for %2: connect by a name the certificate holds, or give the server a certificate for this one.</source>
        <translation>TLS 証明書は %1 のもので、%2 のものではありません。証明書にある名前で接続するか、サーバーにこの名前の証明書を設定してください。</translation>
    </message>
    <message>
        <source>its TLS certificate (issued by %1) is not signed by a CA in %2: set sslrootcert to the file of the CA that signed it.</source>
        <translation>TLS 証明書 (発行者: %1) は %2 にある CA の署名ではありません。署名した CA のファイルを sslrootcert に指定してください。</translation>
    </message>
    <message>
        <source>its TLS certificate is not trusted (%1).</source>
        <translation>TLS 証明書が信頼されていません (%1)。</translation>
    </message>
</context>
<context>
    <name>TeamWrites</name>
    <message>
        <source>The rule set is not valid: %1</source>
        <translation>ルールセットが正しくありません: %1</translation>
    </message>
    <message>
        <source>Another admin saved rules at the same moment; save again.</source>
        <translation>別の管理者が同時にルールを保存しました。もう一度保存してください。</translation>
    </message>
    <message>
        <source>Cannot save the rule set to the team workspace: %1</source>
        <translation>チームワークスペースにルールセットを保存できません: %1</translation>
    </message>
    <message>
        <source>Cannot save the rule set to the team workspace: no version came back.</source>
        <translation>チームワークスペースにルールセットを保存できません: バージョンが返されませんでした。</translation>
    </message>
    <message>
        <source>Cannot record the outcome in the team workspace: %1</source>
        <translation>チームワークスペースに結果を記録できません: %1</translation>
    </message>
    <message>
        <source>Cannot save the action rules to the team workspace: %1</source>
        <translation>アクションルールをチームワークスペースに保存できません: %1</translation>
    </message>
</context>
<context>
    <name>TextDecoding</name>
    <message>
        <source>Unknown encoding "%1": expected one of utf-8, utf-16le, utf-16be, cp932 (shift_jis), windows-1252, euc-jp</source>
        <translation>不明な文字コード「%1」: utf-8、utf-16le、utf-16be、cp932(shift_jis)、windows-1252、euc-jp のいずれかを指定してください</translation>
    </message>
    <message>
        <source>as %1, line %2, column %3 is not valid (%4)</source>
        <translation>%1 としては %2 行目 %3 列目が正しくありません (%4)</translation>
    </message>
    <message>
        <source>cannot tell the file's encoding; tried UTF-8, CP932 and windows-1252: %1; %2; not windows-1252 either (non-ASCII bytes in a row). Choose the file's encoding (cp932, utf-8 or windows-1252, …)</source>
        <translation>ファイルのエンコーディングを判別できません。UTF-8、CP932、windows-1252 を試しました: %1、%2、windows-1252 でもありません(非 ASCII バイトが連続しています)。ファイルのエンコーディングを指定してください(cp932、utf-8、windows-1252 など)</translation>
    </message>
</context>
<context>
    <name>TuneCommand</name>
    <message>
        <source>suggest: fit rules to this workspace's own outcomes (thresholds, the criteria that carry signal, weights) and check them on later outcomes, against the active rules.</source>
        <translation>suggest: このワークスペース自身の結果にルール(しきい値、兆候を示す基準、重み)を当てはめ、後の結果で有効なルールと比べて検証します。</translation>
    </message>
    <message>
        <source>suggest</source>
        <translation>suggest</translation>
    </message>
    <message>
        <source>Measure each case this many days before its outcome (default: 90).</source>
        <translation>各ケースを結果のこの日数前の時点で測ります(既定: 90)。</translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation>日数</translation>
    </message>
    <message>
        <source>Treat this day as today: later outcomes are ignored (default: today).</source>
        <translation>この日を今日として扱います。それより後の結果は無視します(既定: 今日)。</translation>
    </message>
    <message>
        <source>Fit on outcomes up to this day, check on the later ones (default: the day that leaves about a third of the churns after it).</source>
        <translation>この日までの結果に当てはめ、それより後の結果で検証します(既定: 解約の約 3 分の 1 が後に残る日)。</translation>
    </message>
    <message>
        <source>Sample at most N accounts without churn as the retained baseline (default: all).</source>
        <translation>解約していない顧客を最大 N 件まで継続ベースラインとして抽出します(既定: すべて)。</translation>
    </message>
    <message>
        <source>Write the suggested rule set to this JSON file (nothing is written when nothing is suggested).</source>
        <translation>提案ルールをこの JSON ファイルに書き出します(提案がないときは何も書きません)。</translation>
    </message>
    <message>
        <source>Print one JSON object instead of text.</source>
        <translation>テキストの代わりに JSON オブジェクトを 1 つ出力します。</translation>
    </message>
    <message>
        <source>tenure-cli tune: %1</source>
        <translation>tenure-cli tune: %1</translation>
    </message>
    <message>
        <source>expected "suggest", got "%1"</source>
        <translation>「suggest」が必要です(指定: 「%1」)</translation>
    </message>
    <message>
        <source>tenure-cli tune: cannot write %1: %2</source>
        <translation>tenure-cli tune: %1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Written to %1: try it with tenure-cli backtest --rules %1.</source>
        <translation>%1 に書き出しました。tenure-cli backtest --rules %1 で試せます。</translation>
    </message>
    <message>
        <source>Took %1 s.</source>
        <translation>%1 秒かかりました。</translation>
    </message>
    <message>
        <source>Rule suggestion, %1 days ahead, as of %2; fitted on outcomes up to %3, checked on the later ones.</source>
        <translation>ルールの提案(%1 日前、%2 時点)。%3 までの結果に当てはめ、それより後の結果で検証。</translation>
    </message>
    <message>
        <source>Training: %1 cases, %2 churned. Holdout: %3 cases, %4 churned. %5 candidate criteria tried.</source>
        <translation>学習: %1 ケース、解約 %2 件。検証: %3 ケース、解約 %4 件。候補基準 %5 件を試しました。</translation>
    </message>
    <message>
        <source>Holdout ROC AUC [95%]: suggested %1; active rules ("%2") %3, on the same cases.</source>
        <translation>検証 ROC AUC [95%]: 提案 %1、有効なルール(「%2」)%3(同じケース)。</translation>
    </message>
    <message>
        <source>Difference: %1 [%2–%3] (DeLong).</source>
        <translation>差: %1 [%2–%3](DeLong 法)。</translation>
    </message>
    <message>
        <source>Training ROC AUC (the cases it was fitted on, optimistic): %1.</source>
        <translation>学習 ROC AUC(当てはめたケース、楽観的): %1。</translation>
    </message>
    <message>
        <source>Suggested criteria in %1:</source>
        <translation>%1 で提案する基準:</translation>
    </message>
    <message>
        <source>weight %1</source>
        <translation>重み %1</translation>
    </message>
    <message>
        <source>why: AUC %1 on its own; churn when failing %2 of %3, when passing %4 of %5; lift %6</source>
        <translation>理由: 単独の AUC %1、不合格時の解約 %3 件中 %2 件、合格時 %5 件中 %4 件、リフト %6</translation>
    </message>
    <message>
        <source>none churned when passing</source>
        <translation>合格時の解約なし</translation>
    </message>
    <message>
        <source>Left out: %1: %2</source>
        <translation>除外: %1: %2</translation>
    </message>
</context>
<context>
    <name>TuningCharts</name>
    <message>
        <source>Active rules</source>
        <translation>有効なルール</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候補</translation>
    </message>
    <message>
        <source>Retained flagged</source>
        <translation>誤検出した継続顧客</translation>
    </message>
    <message>
        <source>Churned flagged</source>
        <translation>検出した解約顧客</translation>
    </message>
    <message>
        <source>Chance</source>
        <translation>偶然</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>解約</translation>
    </message>
    <message>
        <source>Churned (%1)</source>
        <translation>解約 (%1)</translation>
    </message>
    <message>
        <source>Retained (%1)</source>
        <translation>継続 (%1)</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>Share of group</source>
        <translation>グループ内の割合</translation>
    </message>
    <message>
        <source>%1: AUC %2</source>
        <translation>%1: AUC %2</translation>
    </message>
</context>
<context>
    <name>ValueParser</name>
    <message>
        <source>a date such as 2026-11-25, 2026/11/25 or 11/25/2026</source>
        <translation>2026-11-25、2026/11/25、11/25/2026 のような日付</translation>
    </message>
    <message>
        <source>a date such as 2026-11-25, 2026/11/25 or 25/11/2026</source>
        <translation>2026-11-25、2026/11/25、25/11/2026 のような日付</translation>
    </message>
    <message>
        <source>a date such as 2026-11-25, 2026/11/25 or 2026年11月25日</source>
        <translation>2026-11-25、2026/11/25、2026年11月25日 のような日付</translation>
    </message>
    <message>
        <source>a date or date-time such as 2026-11-25, 2026-11-25 14:30:00 or 2026-11-25T05:30:00Z</source>
        <translation>2026-11-25、2026-11-25 14:30:00、2026-11-25T05:30:00Z のような日付または日時</translation>
    </message>
    <message>
        <source>a number such as 1200, 1,200.50 or ¥12,000</source>
        <translation>1200、1,200.50、¥12,000 のような数値</translation>
    </message>
    <message>
        <source>a yes/no value (true/false, yes/no, 1/0)</source>
        <translation>はい/いいえの値(true/false、yes/no、1/0)</translation>
    </message>
</context>
<context>
    <name>WorkspaceSettings</name>
    <message>
        <source>Unknown time zone "%1" (expected an IANA id such as Asia/Tokyo or Europe/Paris).</source>
        <translation>不明なタイムゾーン「%1」(Asia/Tokyo や Europe/Paris のような IANA の ID を指定してください)。</translation>
    </message>
    <message>
        <source>Cannot save setting %1: %2</source>
        <translation>設定 %1 を保存できません: %2</translation>
    </message>
</context>
<context>
    <name>tenure::AboutDialog</name>
    <message>
        <source>About Tenure</source>
        <translation>Tenure について</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Tenure %1&lt;/h2&gt;&lt;p&gt;Customer health, stages and action queues for customer success teams.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Tenure %1&lt;/h2&gt;&lt;p&gt;カスタマーサクセスチームのための、顧客のヘルス・ステージ・アクション管理ツールです。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Tenure&lt;/b&gt; is free software under the GNU General Public License, version 3 or later (Qt Charts is GPL v3).&lt;/p&gt;&lt;p&gt;It is built on:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Qt %1&lt;/b&gt; (Core, Gui, Widgets, Sql, Network, Charts, PrintSupport, Concurrent): GNU LGPL v3 (Qt Charts: GNU GPL v3).&lt;/li&gt;&lt;li&gt;&lt;b&gt;SQLite %2&lt;/b&gt;: public domain.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Noto Sans CJK&lt;/b&gt; fonts, when installed, for Japanese text: SIL Open Font License 1.1.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Tenure&lt;/b&gt; は GNU 一般公衆利用許諾書 バージョン 3 以降のもとで配布されるフリーソフトウェアです(Qt Charts は GPL v3)。&lt;/p&gt;&lt;p&gt;使用しているライブラリ:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Qt %1&lt;/b&gt;(Core, Gui, Widgets, Sql, Network, Charts, PrintSupport, Concurrent): GNU LGPL v3(Qt Charts: GNU GPL v3)&lt;/li&gt;&lt;li&gt;&lt;b&gt;SQLite %2&lt;/b&gt;: パブリックドメイン&lt;/li&gt;&lt;li&gt;&lt;b&gt;Noto Sans CJK&lt;/b&gt; フォント(インストールされている場合、日本語表示用): SIL Open Font License 1.1&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
</context>
<context>
    <name>tenure::ActionQueueModel</name>
    <message>
        <source>snoozed until %1</source>
        <translation>%1 までスヌーズ</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未対応</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>きっかけ</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最終変更</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 open, %2 snoozed</source>
        <translation>未対応 %1 件、スヌーズ中 %2 件</translation>
    </message>
</context>
<context>
    <name>tenure::ActionQueueView</name>
    <message>
        <source>Show snoozed</source>
        <translation>スヌーズ中も表示</translation>
    </message>
    <message>
        <source>&amp;Done…</source>
        <translation>完了(&amp;D)…</translation>
    </message>
    <message>
        <source>S&amp;nooze…</source>
        <translation>スヌーズ(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Reassign…</source>
        <translation>担当変更(&amp;R)…</translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation>メモを追加(&amp;N)…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>What was done (optional):</source>
        <translation>実施した内容(任意):</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>スヌーズ</translation>
    </message>
    <message>
        <source>Back in the queue on:</source>
        <translation>再表示する日:</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>担当変更</translation>
    </message>
    <message>
        <source>New owner:</source>
        <translation>新しい担当者:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>メモ:</translation>
    </message>
    <message numerus="yes">
        <source>%n actions</source>
        <translation>
            <numerusform>アクション %n 件</numerusform></translation>
    </message>
    <message>
        <source>The team server cannot be reached; your note is kept and sent when it is back.</source>
        <translation>チームサーバーに接続できません。メモは保存され、接続が戻ると送信されます。</translation>
    </message>
    <message>
        <source>Your note on %1 could not be sent (%2). Here it is, to keep:

%3</source>
        <translation>%1 へのメモを送信できませんでした (%2)。控えとしてここに表示します:

%3</translation>
    </message>
    <message>
        <source>Note not sent</source>
        <translation>メモを送信できませんでした</translation>
    </message>
    <message>
        <source>The %1 most urgent of %2 accounts (%3)</source>
        <translation>顧客 %2 社のうち緊急度の高い %1 社(%3)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message numerus="yes">
        <source>%n accounts</source>
        <translation>
            <numerusform>顧客 %n 社</numerusform></translation>
    </message>
    <message>
        <source>%1 — this machine's last copy, read-only until the team server answers.</source>
        <translation>%1 — このコンピューターの最後のコピーです。チームサーバーが応答するまで読み取り専用です。</translation>
    </message>
    <message>
        <source>The team server cannot be reached: your note is kept on this machine and sent when it is back.</source>
        <translation>チームサーバーに接続できません。メモはこのコンピューターに保存され、接続が戻ると送信されます。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Select an account or an action to read why it is in the queue.</source>
        <translation>顧客かアクションを選ぶと、キューに入っている理由をここに表示します。</translation>
    </message>
    <message>
        <source>An account gets one when it is in the worst band, near its renewal outside the best band, inactive, or when its score drops.</source>
        <translation>最も悪いバンドにある、最良のバンド以外で契約更新が近い、利用がない、スコアが下がった、のいずれかに当てはまる顧客にアクションが作られます。</translation>
    </message>
    <message>
        <source>No open actions on your accounts: none of them calls for one now.</source>
        <translation>担当顧客に未対応のアクションはありません: 今、対応が必要な顧客はいません。</translation>
    </message>
    <message>
        <source>No open actions: no account calls for one now.</source>
        <translation>未対応のアクションはありません: 今、対応が必要な顧客はいません。</translation>
    </message>
    <message>
        <source>Snoozed ones show with "Show snoozed".</source>
        <translation>スヌーズ中のものは「スヌーズ中も表示」で表示されます。</translation>
    </message>
</context>
<context>
    <name>tenure::Async</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>tenure::ConditionEditor</name>
    <message>
        <source>Days since the date</source>
        <translation>日付からの日数</translation>
    </message>
    <message>
        <source>Days until the date</source>
        <translation>日付までの日数</translation>
    </message>
    <message>
        <source>The account field</source>
        <translation>顧客の項目</translation>
    </message>
    <message>
        <source>Days since the outcome</source>
        <translation>結果からの日数</translation>
    </message>
    <message>
        <source>Events in the window</source>
        <translation>期間内のイベント数</translation>
    </message>
    <message>
        <source>Days since the last event</source>
        <translation>最後のイベントからの日数</translation>
    </message>
    <message>
        <source>Active users in the window</source>
        <translation>期間内のアクティブユーザー数</translation>
    </message>
    <message>
        <source>Change of events in the window (%)</source>
        <translation>期間内のイベントの増減 (%)</translation>
    </message>
    <message>
        <source>Always (every account no earlier stage took)</source>
        <translation>常に(前のステージに入らなかったすべての顧客)</translation>
    </message>
    <message>
        <source>When all of these hold</source>
        <translation>次のすべてを満たすとき</translation>
    </message>
    <message>
        <source>When any of these holds</source>
        <translation>次のいずれかを満たすとき</translation>
    </message>
    <message>
        <source>Advanced (JSON)</source>
        <translation>詳細(JSON)</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>測定対象</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Window (days)</source>
        <translation>期間(日)</translation>
    </message>
    <message>
        <source>Is</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Of: the date or field (renewal_date, signup_date, plan, arr, seats, attributes.NAME), the outcome (churned, renewed, ...) or event names separated by commas (empty: any event).</source>
        <translation>対象: 日付または項目(renewal_date、signup_date、plan、arr、seats、attributes.名前)、結果(churned、renewed など)、またはカンマ区切りのイベント名(空欄: すべてのイベント)。</translation>
    </message>
    <message>
        <source>A condition in the rule file's JSON form (docs/rules.md); all/any may nest.</source>
        <translation>ルールファイルの JSON 形式の条件(docs/rules.md)。all/any は入れ子にできます。</translation>
    </message>
    <message>
        <source>Add comparison</source>
        <translation>比較を追加</translation>
    </message>
    <message>
        <source>Remove comparison</source>
        <translation>比較を削除</translation>
    </message>
    <message>
        <source>Every account that reaches this stage is in it: put it last.</source>
        <translation>ここまで来たすべての顧客がこのステージに入ります。最後に置いてください。</translation>
    </message>
</context>
<context>
    <name>tenure::ConnectorForm</name>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Edit Connector</source>
        <translation>コネクタを編集</translation>
    </message>
    <message>
        <source>Add Connector</source>
        <translation>コネクタを追加</translation>
    </message>
    <message>
        <source>REST API (JSON pages)</source>
        <translation>REST API(JSON のページ)</translation>
    </message>
    <message>
        <source>Mixpanel raw export (JSON lines)</source>
        <translation>Mixpanel 生データエクスポート(JSON Lines)</translation>
    </message>
    <message>
        <source>Segment (track, identify, group)</source>
        <translation>Segment(track, identify, group)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer トークン</translation>
    </message>
    <message>
        <source>User name and password (Basic)</source>
        <translation>ユーザー名とパスワード(Basic)</translation>
    </message>
    <message>
        <source>API key in a header</source>
        <translation>ヘッダーの API キー</translation>
    </message>
    <message>
        <source>One request</source>
        <translation>1 回のリクエスト</translation>
    </message>
    <message>
        <source>Cursor in the response</source>
        <translation>レスポンス内のカーソル</translation>
    </message>
    <message>
        <source>Link to the next page in the response</source>
        <translation>レスポンス内の次ページへのリンク</translation>
    </message>
    <message>
        <source>Page numbers</source>
        <translation>ページ番号</translation>
    </message>
    <message>
        <source>Link header (rel="next")</source>
        <translation>Link ヘッダー(rel="next")</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自動判定</translation>
    </message>
    <message>
        <source>ISO 8601</source>
        <translation>ISO 8601</translation>
    </message>
    <message>
        <source>Seconds since 1970</source>
        <translation>1970 年からの秒数</translation>
    </message>
    <message>
        <source>Milliseconds since 1970</source>
        <translation>1970 年からのミリ秒数</translation>
    </message>
    <message>
        <source>{since} and {until} (date-times), {since_date} and {until_date} (YYYY-MM-DD), {cursor}, {page} and {page_size} are filled in for each request.</source>
        <translation>{since} と {until}(日時)、{since_date} と {until_date}(YYYY-MM-DD)、{cursor}、{page}、{page_size} はリクエストごとに埋め込まれます。</translation>
    </message>
    <message>
        <source>leave empty to keep the stored secret</source>
        <translation>空欄のままなら保存済みのシークレットを使います</translation>
    </message>
    <message>
        <source>stored in the system keychain, never in the workspace</source>
        <translation>システムのキーチェーンに保存され、ワークスペースには保存されません</translation>
    </message>
    <message>
        <source>on demand only</source>
        <translation>手動のみ</translation>
    </message>
    <message>
        <source>empty: each record is one event</source>
        <translation>空欄: 1 レコードを 1 イベントとする</translation>
    </message>
    <message>
        <source>empty: the whole record</source>
        <translation>空欄: レコード全体</translation>
    </message>
    <message>
        <source>empty: the response is the list</source>
        <translation>空欄: レスポンス自体が一覧</translation>
    </message>
    <message>
        <source>Test pulls the first page into a scratch workspace and shows what would land.</source>
        <translation>「テスト」は最初のページを一時ワークスペースに取り込み、取り込まれる内容を表示します。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Sign &amp;in:</source>
        <translation>認証(&amp;I):</translation>
    </message>
    <message>
        <source>User na&amp;me:</source>
        <translation>ユーザー名(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation>ヘッダー(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>シークレット(&amp;S):</translation>
    </message>
    <message>
        <source>First pull &amp;from:</source>
        <translation>最初の取り込み開始日(&amp;F):</translation>
    </message>
    <message>
        <source>Pull &amp;every:</source>
        <translation>取り込み間隔(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>タイムアウト(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Retries per page:</source>
        <translation>ページごとの再試行回数(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Paging:</source>
        <translation>ページング(&amp;P):</translation>
    </message>
    <message>
        <source>Cursor at:</source>
        <translation>カーソルの位置:</translation>
    </message>
    <message>
        <source>Next link at:</source>
        <translation>次ページリンクの位置:</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>ページサイズ:</translation>
    </message>
    <message>
        <source>Records at:</source>
        <translation>レコードの位置:</translation>
    </message>
    <message>
        <source>Account at:</source>
        <translation>顧客の位置:</translation>
    </message>
    <message>
        <source>User at:</source>
        <translation>ユーザーの位置:</translation>
    </message>
    <message>
        <source>Event name at:</source>
        <translation>イベント名の位置:</translation>
    </message>
    <message>
        <source>Time at:</source>
        <translation>時刻の位置:</translation>
    </message>
    <message>
        <source>Time format:</source>
        <translation>時刻の形式:</translation>
    </message>
    <message>
        <source>Event id at:</source>
        <translation>イベント ID の位置:</translation>
    </message>
    <message>
        <source>Quantity at:</source>
        <translation>数量の位置:</translation>
    </message>
    <message>
        <source>Properties at:</source>
        <translation>プロパティの位置:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Paging and fields</source>
        <translation>ページングと項目</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Pulling the first page of %1…</source>
        <translation>%1 の最初のページを取り込んでいます…</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>テストに失敗しました: %1</translation>
    </message>
    <message>
        <source>It works: the first page had %1 records: %2 events, %3 rejected, %4 without an event.</source>
        <translation>接続できました: 最初のページは %1 レコード(イベント %2 件、却下 %3 件、イベントなし %4 件)。</translation>
    </message>
    <message>
        <source>  %1 · account %2 · user %3 · %4</source>
        <translation>  %1 · 顧客 %2 · ユーザー %3 · %4</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>  rejected: %1</source>
        <translation>  却下: %1</translation>
    </message>
    <message>
        <source>Nothing was written to the workspace.</source>
        <translation>ワークスペースには何も書き込んでいません。</translation>
    </message>
    <message>
        <source>Churn events:</source>
        <translation>解約イベント:</translation>
    </message>
    <message>
        <source>Renewal events:</source>
        <translation>更新イベント:</translation>
    </message>
    <message>
        <source>Expansion events:</source>
        <translation>拡大イベント:</translation>
    </message>
    <message>
        <source>Contraction events:</source>
        <translation>縮小イベント:</translation>
    </message>
    <message>
        <source>event names, separated by commas</source>
        <translation>イベント名(カンマ区切り)</translation>
    </message>
</context>
<context>
    <name>tenure::ConnectorsDialog</name>
    <message>
        <source>never pulled</source>
        <translation>未取り込み</translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation>%1 まで</translation>
    </message>
    <message>
        <source>interrupted before %1; resumes at the next pull</source>
        <translation>%1 より前で中断。次回の取り込みで再開します</translation>
    </message>
    <message>
        <source>Connectors</source>
        <translation>コネクタ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>スケジュール</translation>
    </message>
    <message>
        <source>Pulled</source>
        <translation>取り込み済み</translation>
    </message>
    <message>
        <source>Last pull</source>
        <translation>前回の取り込み</translation>
    </message>
    <message>
        <source>Set &amp;Secret…</source>
        <translation>シークレットを設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Pull Now</source>
        <translation>今すぐ取り込む(&amp;P)</translation>
    </message>
    <message>
        <source>Add Connector</source>
        <translation>コネクタを追加</translation>
    </message>
    <message>
        <source>Connector definitions (*.json);;All files (*)</source>
        <translation>コネクタ定義 (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>%1 new events, %2 already there, %3 rejected</source>
        <translation>新規イベント %1 件、既存 %2 件、却下 %3 件</translation>
    </message>
    <message>
        <source>Pulled "%1".</source>
        <translation>「%1」を取り込みました。</translation>
    </message>
    <message>
        <source>Pulled "%1"; rejected records:
%2</source>
        <translation>「%1」を取り込みました。却下したレコード:
%2</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>local file</source>
        <translation>ローカルファイル</translation>
    </message>
    <message>
        <source>every %1 min</source>
        <translation>%1 分ごと</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>No connectors yet. Add one from its JSON definition (see docs/connectors.md).</source>
        <translation>コネクタはまだありません。「追加」から作成してください(docs/connectors.md を参照)。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Secret of %1</source>
        <translation>%1 のシークレット</translation>
    </message>
    <message>
        <source>Token or password (stored in the system keychain):</source>
        <translation>トークンまたはパスワード(システムのキーチェーンに保存):</translation>
    </message>
    <message>
        <source>Storing the secret of "%1" in the keychain…</source>
        <translation>「%1」のシークレットをキーチェーンに保存しています…</translation>
    </message>
    <message>
        <source>Export Connector</source>
        <translation>コネクタをエクスポート</translation>
    </message>
    <message>
        <source>Connector definitions (*.json)</source>
        <translation>コネクタ定義 (*.json)</translation>
    </message>
    <message>
        <source>Exported "%1" to %2 (without its secret).</source>
        <translation>「%1」を %2 に書き出しました(シークレットは含みません)。</translation>
    </message>
    <message>
        <source>Pulling every connector…</source>
        <translation>すべてのコネクタから取り込んでいます…</translation>
    </message>
    <message>
        <source>Pulling "%1"…</source>
        <translation>「%1」から取り込んでいます…</translation>
    </message>
    <message>
        <source>Connector added from %1. If it needs a secret, select it and choose Set Secret.</source>
        <translation>%1 からコネクタを追加しました。シークレットが必要な場合は選択して「シークレットを設定」を押してください。</translation>
    </message>
    <message>
        <source>Adding the connector in %1…</source>
        <translation>%1 のコネクタを追加しています…</translation>
    </message>
    <message>
        <source>The secret of "%1" is in the keychain.</source>
        <translation>「%1」のシークレットをキーチェーンに保存しました。</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add from &amp;File…</source>
        <translation>ファイルから追加(&amp;F)…</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>編集(&amp;D)…</translation>
    </message>
    <message>
        <source>Saved the connector "%1".</source>
        <translation>コネクタ「%1」を保存しました。</translation>
    </message>
    <message>
        <source>Saved the connector "%1"; its secret is in the keychain.</source>
        <translation>コネクタ「%1」を保存し、シークレットをキーチェーンに保存しました。</translation>
    </message>
    <message>
        <source>Saving the connector "%1"…</source>
        <translation>コネクタ「%1」を保存しています…</translation>
    </message>
</context>
<context>
    <name>tenure::CriterionForm</name>
    <message>
        <source>Divide by the account's seats</source>
        <translation>顧客のシート数で割る</translation>
    </message>
    <message>
        <source>Count of events in the last N days</source>
        <translation>直近 N 日のイベント数</translation>
    </message>
    <message>
        <source>Distinct active users in the last N days</source>
        <translation>直近 N 日のアクティブユーザー数</translation>
    </message>
    <message>
        <source>Days since the last event</source>
        <translation>最後のイベントからの日数</translation>
    </message>
    <message>
        <source>Days until an account date</source>
        <translation>顧客の日付までの日数</translation>
    </message>
    <message>
        <source>Days since an account date</source>
        <translation>顧客の日付からの日数</translation>
    </message>
    <message>
        <source>An account field</source>
        <translation>顧客の項目</translation>
    </message>
    <message>
        <source>Change of events: last N days vs the N before (%)</source>
        <translation>イベントの増減: 直近 N 日とその前の N 日の比較 (%)</translation>
    </message>
    <message>
        <source>Days since an outcome</source>
        <translation>結果(解約など)からの日数</translation>
    </message>
    <message>
        <source>any event; or names separated by commas</source>
        <translation>すべてのイベント。またはカンマ区切りのイベント名</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>An account field, or attributes.NAME for a field the CRM export brought along</source>
        <translation>顧客の項目。CRM エクスポートの追加項目は attributes.項目名</translation>
    </message>
    <message>
        <source>Pass or fail: full points when the comparison holds</source>
        <translation>合否: 比較が成り立てば満点</translation>
    </message>
    <message>
        <source>Linear: no points at one value, full points at another</source>
        <translation>線形: ある値で 0 点、別の値で満点</translation>
    </message>
    <message>
        <source>Tiers: a share of the points from each value on</source>
        <translation>段階: 値ごとに配点の割合を決める</translation>
    </message>
    <message>
        <source>a number, true/false or a text</source>
        <translation>数値、true/false、または文字列</translation>
    </message>
    <message>
        <source>From value</source>
        <translation>値(以上)</translation>
    </message>
    <message>
        <source>Share of points (0–1)</source>
        <translation>配点の割合 (0–1)</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>段階を追加</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>段階を削除</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>ラベル(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>重み(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Measures:</source>
        <translation>測定対象(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Events:</source>
        <translation>イベント(&amp;E):</translation>
    </message>
    <message>
        <source>W&amp;indow:</source>
        <translation>期間(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>項目(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>結果(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Scoring:</source>
        <translation>採点(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Passes when:</source>
        <translation>合格条件(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;No points at:</source>
        <translation>0 点となる値(&amp;N):</translation>
    </message>
    <message>
        <source>F&amp;ull points at:</source>
        <translation>満点となる値(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Tiers:</source>
        <translation>段階(&amp;T):</translation>
    </message>
</context>
<context>
    <name>tenure::CustomerDetailView</name>
    <message>
        <source>Criterion</source>
        <translation>基準</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>実績</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>しきい値</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>得点</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation>メモを追加(&amp;N)…</translation>
    </message>
    <message>
        <source>Choose a customer in the list or the action queue.</source>
        <translation>顧客一覧またはアクションから顧客を選んでください。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why this score&lt;/b&gt;</source>
        <translation>&lt;b&gt;スコアの内訳&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent events&lt;/b&gt;</source>
        <translation>&lt;b&gt;最近のイベント&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>担当: %1</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>プラン: %1</translation>
    </message>
    <message>
        <source>ARR %1</source>
        <translation>ARR %1</translation>
    </message>
    <message>
        <source>renewal %1 (%2 days)</source>
        <translation>更新 %1(あと %2 日)</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>スコアなし</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Open actions&lt;/b&gt;</source>
        <translation>&lt;b&gt;未対応のアクション&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Outcomes&lt;/b&gt;</source>
        <translation>&lt;b&gt;結果&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Notes&lt;/b&gt;</source>
        <translation>&lt;b&gt;メモ&lt;/b&gt;</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>まだありません。</translation>
    </message>
    <message>
        <source>Note on %1</source>
        <translation>%1 のメモ</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>メモ:</translation>
    </message>
    <message>
        <source>Record &amp;Outcome…</source>
        <translation>結果を記録(&amp;O)…</translation>
    </message>
    <message>
        <source>Churned, renewed, expanded or contracted: what happened, for the backtests</source>
        <translation>解約・更新・拡大・縮小など実際に起きたこと(バックテストに使います)</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2(%3)</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>アクション</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Choose a customer in the list or the action queue, or press %1 to find one.</source>
        <translation>顧客一覧またはアクションから顧客を選ぶか、%1 で検索してください。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recently opened customers&lt;/b&gt;</source>
        <translation>&lt;b&gt;最近開いた顧客&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>None yet in this workspace.</source>
        <translation>このワークスペースではまだありません。</translation>
    </message>
    <message>
        <source>%1 · %2
%3</source>
        <translation>%1 · %2
%3</translation>
    </message>
    <message>
        <source>%1 (snoozed until %2)</source>
        <translation>%1(%2 までスヌーズ)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Mark this action done</source>
        <translation>このアクションを完了にする</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>スヌーズ</translation>
    </message>
    <message>
        <source>Back in the queue in a week; the arrow offers other times</source>
        <translation>1 週間後にアクションに戻します。矢印から他の期間を選べます</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>明日まで</translation>
    </message>
    <message>
        <source>For a week</source>
        <translation>1 週間</translation>
    </message>
    <message>
        <source>For a month</source>
        <translation>1 か月</translation>
    </message>
    <message>
        <source>renewal %1 (%2 days ago)</source>
        <translation>更新 %1(%2 日前)</translation>
    </message>
    <message>
        <source>No events from this account yet.</source>
        <translation>この顧客のイベントはまだありません。</translation>
    </message>
    <message>
        <source>No open actions: nothing in the queue for this account.</source>
        <translation>未対応のアクションはありません。この顧客のキューは空です。</translation>
    </message>
</context>
<context>
    <name>tenure::CustomerListModel</name>
    <message>
        <source>Band: %1</source>
        <translation>バンド: %1</translation>
    </message>
    <message>
        <source>Renews on %1 (in %2 days)</source>
        <translation>契約更新日 %1(あと %2 日)</translation>
    </message>
    <message>
        <source>Renewal date was %1 (%2 days ago)</source>
        <translation>契約更新日 %1(%2 日前に経過)</translation>
    </message>
    <message>
        <source>%1 (%2 d)</source>
        <translation>%1(あと %2 日)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>バンド</translation>
    </message>
    <message>
        <source>ARR</source>
        <translation>ARR</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>契約更新</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 日前</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最終利用</translation>
    </message>
    <message>
        <source>Score change over the last %1 days</source>
        <translation>直近 %1 日のスコアの変化</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 日</translation>
    </message>
    <message>
        <source>%1 (%2 d ago)</source>
        <translation>%1(%2 日前)</translation>
    </message>
</context>
<context>
    <name>tenure::CustomersView</name>
    <message>
        <source>Search by name or id</source>
        <translation>顧客名または ID で検索</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>renewal within </source>
        <translation>更新まで </translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>すべてのステージ</translation>
    </message>
    <message>
        <source>All bands</source>
        <translation>すべてのバンド</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>すべての担当者</translation>
    </message>
    <message>
        <source>No score</source>
        <translation>スコアなし</translation>
    </message>
    <message>
        <source>%1 customers (the first %2 shown; narrow the search to see the others)</source>
        <translation>顧客 %1 社(先頭 %2 社を表示。絞り込むと残りも表示されます)</translation>
    </message>
    <message numerus="yes">
        <source>%n customers</source>
        <translation>
            <numerusform>顧客 %n 社</numerusform></translation>
    </message>
    <message>
        <source>No customer matches the search and filters.</source>
        <translation>検索と絞り込みの条件に一致する顧客はいません。</translation>
    </message>
    <message>
        <source>No customers in this workspace yet: the Overview says how to add them.</source>
        <translation>このワークスペースにはまだ顧客がいません。追加方法は概要に表示されています。</translation>
    </message>
    <message>
        <source>renewal: any time</source>
        <translation>更新: 指定なし</translation>
    </message>
</context>
<context>
    <name>tenure::DataSourcesView</name>
    <message>
        <source>Source</source>
        <translation>データソース</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント数</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV をインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Connectors…</source>
        <translation>コネクタ(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Pull Now</source>
        <translation>今すぐ取り込む(&amp;P)</translation>
    </message>
    <message>
        <source>Drop a CSV export here to import it. Connectors pull product usage on their schedule; see docs/import.md and docs/connectors.md.</source>
        <translation>CSV エクスポートをここにドロップするとインポートできます。コネクタは設定した間隔で利用データを取り込みます(docs/import.md、docs/connectors.md を参照)。</translation>
    </message>
    <message>
        <source>CSV preset for %1</source>
        <translation>CSV プリセット(%1)</translation>
    </message>
    <message>
        <source>never pulled</source>
        <translation>未取り込み</translation>
    </message>
    <message>
        <source>pulled up to %1</source>
        <translation>%1 まで取り込み済み</translation>
    </message>
    <message>
        <source>a generated demo portfolio, not real customers</source>
        <translation>生成したデモのポートフォリオ (実在の顧客ではありません)</translation>
    </message>
    <message>
        <source>In a team workspace only admins import CSV exports.</source>
        <translation>チームワークスペースで CSV エクスポートをインポートできるのは管理者だけです。</translation>
    </message>
    <message>
        <source>In a team workspace, connectors pull on the team's server (tenure-cli serve), or on an admin's desktop when no service runs.</source>
        <translation>チームワークスペースでは、コネクタはチームのサーバー (tenure-cli serve) で、サービスが動いていなければ管理者のデスクトップで取り込みます。</translation>
    </message>
    <message>
        <source>Drop a CSV export here to import it into the team workspace: the team's engine scores what it adds, and every desktop sees it. Connectors pull on the team's server (tenure-cli serve), or on an admin's desktop when no service runs; see docs/team.md.</source>
        <translation>CSV エクスポートをここにドロップすると、チームワークスペースにインポートします。追加されたデータはチームのエンジンがスコアを付け、全員のデスクトップに表示されます。コネクタはチームのサーバー (tenure-cli serve) で、サービスが動いていなければ管理者のデスクトップで取り込みます。docs/team.md を参照してください。</translation>
    </message>
    <message>
        <source>The team's sources, as its server holds them. Admins import CSV exports; connectors pull on the team's server (tenure-cli serve), or on an admin's desktop when no service runs. See docs/team.md.</source>
        <translation>チームのサーバーにあるデータソースです。CSV エクスポートのインポートは管理者が行い、コネクタはチームのサーバー (tenure-cli serve) で、サービスが動いていなければ管理者のデスクトップで取り込みます。docs/team.md を参照してください。</translation>
    </message>
</context>
<context>
    <name>tenure::DemoBuilder</name>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>%1 のフォルダを作成できません。</translation>
    </message>
</context>
<context>
    <name>tenure::FirstRunDialog</name>
    <message>
        <source>Welcome to Tenure</source>
        <translation>Tenure へようこそ</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Tenure&lt;/h2&gt;&lt;p&gt;Tenure keeps your customers' product usage in a workspace on this computer and tells you who is healthy, who is drifting toward churn, and whom to call first.&lt;/p&gt;&lt;p&gt;How would you like to start?&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Tenure へようこそ&lt;/h2&gt;&lt;p&gt;Tenure は顧客のプロダクト利用データをこのコンピューター上のワークスペースに保存し、健全な顧客、解約に向かいつつある顧客、最初に連絡すべき顧客を示します。&lt;/p&gt;&lt;p&gt;どのように始めますか?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Explore the demo workspace</source>
        <translation>デモワークスペースを見る</translation>
    </message>
    <message>
        <source>A sample portfolio of 300 customers with a year of product usage.</source>
        <translation>300 社の顧客と 1 年分の利用データのサンプルです。</translation>
    </message>
    <message>
        <source>Start an empty workspace</source>
        <translation>空のワークスペースで始める</translation>
    </message>
    <message>
        <source>Then import your CRM and usage exports.</source>
        <translation>CRM と利用状況のエクスポートを取り込んで始めます。</translation>
    </message>
    <message>
        <source>Open an existing workspace…</source>
        <translation>既存のワークスペースを開く…</translation>
    </message>
    <message>
        <source>A .tenure file from a colleague or a backup.</source>
        <translation>同僚から受け取った、またはバックアップの .tenure ファイル。</translation>
    </message>
</context>
<context>
    <name>tenure::GettingStarted</name>
    <message>
        <source>No customers here yet</source>
        <translation>まだ顧客がいません</translation>
    </message>
    <message>
        <source>Tenure scores each customer your CRM knows from the product-usage events it sends, and tells you whom to call first. Start with the CRM's export of accounts (a CSV file), then the product's usage: a CSV export, or its API through a connector. The overview fills in after the first scoring pass.</source>
        <translation>Tenure は CRM に登録された顧客ごとに、製品から送られる利用イベントでスコアを付け、最初に誰に連絡すべきかを示します。まず CRM の顧客エクスポート (CSV ファイル) を、次に製品の利用データを取り込んでください: CSV エクスポート、またはコネクタ経由の API です。最初のスコアリングが終わると概要が表示されます。</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV をインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Set up a &amp;Connector…</source>
        <translation>コネクタを設定(&amp;C)…</translation>
    </message>
    <message>
        <source>To look around first, open the demo workspace: 300 made-up customers with a year of usage, scored, with an action queue. It is a file of its own; this workspace stays as it is.</source>
        <translation>まず試してみるなら、デモワークスペースを開いてください: 架空の顧客 300 社と 1 年分の利用データがあり、スコアとアクションキューも用意されています。別のファイルなので、このワークスペースはそのまま残ります。</translation>
    </message>
    <message>
        <source>Open the &amp;Demo Workspace</source>
        <translation>デモワークスペースを開く(&amp;D)</translation>
    </message>
    <message>
        <source>This team workspace has no customers yet. Import the CRM's export of accounts (a CSV file), then the product's usage, or move a local workspace in with "tenure-cli team push"; the team's engine then scores them, and this overview fills in by itself, here and on every colleague's desktop.</source>
        <translation>このチームワークスペースにはまだ顧客がいません。CRM の顧客エクスポート (CSV ファイル) を、次に製品の利用データをインポートするか、"tenure-cli team push" でローカルのワークスペースを移してください。その後チームのエンジンがスコアを付け、この概要はここでも同僚のデスクトップでも自動的に表示されます。</translation>
    </message>
    <message>
        <source>This team workspace has no customers yet. An admin fills it: from their desktop (Import CSV…), or from the command line, where "tenure-cli team push" moves a local workspace in and "tenure-cli import" adds CSV exports; the team's engine then scores them, and this overview fills in by itself.</source>
        <translation>このチームワークスペースにはまだ顧客がいません。管理者が取り込みます: デスクトップから (CSV をインポート…)、またはコマンドラインで "tenure-cli team push" によりローカルのワークスペースを移し、"tenure-cli import" で CSV エクスポートを追加します。その後チームのエンジンがスコアを付け、この概要は自動的に表示されます。</translation>
    </message>
</context>
<context>
    <name>tenure::ImportCsvDialog</name>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>CSV のインポート</translation>
    </message>
    <message>
        <source>Choose a CSV file, or drop one here</source>
        <translation>CSV ファイルを選ぶか、ここにドロップしてください</translation>
    </message>
    <message>
        <source>Usage events</source>
        <translation>利用イベント</translation>
    </message>
    <message>
        <source>Accounts (from the CRM)</source>
        <translation>顧客(CRM から)</translation>
    </message>
    <message>
        <source>Outcomes (churned, renewed, expanded, contracted)</source>
        <translation>結果(解約・更新・拡大・縮小)</translation>
    </message>
    <message>
        <source>Keys that map to accounts (subscriptions, users)</source>
        <translation>顧客に対応するキー(契約、ユーザー)</translation>
    </message>
    <message>
        <source>e.g. subscription</source>
        <translation>例: subscription</translation>
    </message>
    <message>
        <source>named after the file</source>
        <translation>ファイル名から</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自動判別</translation>
    </message>
    <message>
        <source>Japanese (Shift_JIS / CP932)</source>
        <translation>日本語 (Shift_JIS / CP932)</translation>
    </message>
    <message>
        <source>Western (Windows-1252)</source>
        <translation>西欧 (Windows-1252)</translation>
    </message>
    <message>
        <source>Import nothing if any row is bad</source>
        <translation>不正な行があれば何も取り込まない</translation>
    </message>
    <message>
        <source>Skip bad rows and import the rest</source>
        <translation>不正な行を飛ばして残りを取り込む</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>ファイル(&amp;F):</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV ファイル (*.csv *.tsv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>&amp;Contents:</source>
        <translation>内容(&amp;C):</translation>
    </message>
    <message>
        <source>Key &amp;namespace:</source>
        <translation>キーの種類(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Source name:</source>
        <translation>データソース名(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>文字コード(&amp;E):</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>列の対応付け</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON ファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Bad rows:</source>
        <translation>不正な行:</translation>
    </message>
    <message>
        <source>Check the file first: every bad row is listed here with its line and column.</source>
        <translation>まずファイルを確認してください。不正な行は行番号と列とともにここに表示されます。</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>確認(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>インポート(&amp;I)</translation>
    </message>
    <message>
        <source>Choose the CSV file to import.</source>
        <translation>インポートする CSV ファイルを選んでください。</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 を確認しています…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 をインポートしています…</translation>
    </message>
    <message>
        <source>%1: %2 rows, %3, %4-separated, source "%5".</source>
        <translation>%1: %2 行、%3、%4区切り、データソース「%5」。</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>列: %1</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>キャンセルしました。何もインポートしていません。</translation>
    </message>
    <message>
        <source>Check: %1 rows ready, %2 bad. Nothing was written yet.</source>
        <translation>確認: 取り込み可能 %1 行、不正 %2 行。まだ何も書き込んでいません。</translation>
    </message>
    <message>
        <source>%1 bad rows: nothing was imported. Fix them, or choose to skip bad rows.</source>
        <translation>不正な行が %1 行あるため、何もインポートしていません。修正するか、不正な行をスキップしてください。</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 already there, %4 bad rows skipped.</source>
        <translation>インポート完了: 新規 %1、更新 %2、既存 %3、スキップした不正な行 %4。</translation>
    </message>
    <message>
        <source>… and %1 more bad rows.</source>
        <translation>… ほかに不正な行が %1 行あります。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>カンマ</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>セミコロン</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>タブ</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>区切り文字(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Load Mapping…</source>
        <translation>対応付けを読み込む(&amp;L)…</translation>
    </message>
    <message>
        <source>Sa&amp;ve Mapping…</source>
        <translation>対応付けを保存(&amp;V)…</translation>
    </message>
    <message>
        <source>Read a JSON column mapping (docs/import.md)</source>
        <translation>JSON の列対応付けを読み込みます(docs/import.md)</translation>
    </message>
    <message>
        <source>Write these columns as a JSON mapping, for tenure-cli import --mapping</source>
        <translation>この対応付けを JSON で保存します(tenure-cli import --mapping 用)</translation>
    </message>
    <message>
        <source>Detected from the header, or the source's mapping of its last import.</source>
        <translation>見出し行から自動判定、または前回のインポートで使った対応付けです。</translation>
    </message>
    <message>
        <source>Saved the column mapping to %1.</source>
        <translation>列の対応付けを %1 に保存しました。</translation>
    </message>
    <message>
        <source>1. Format and preview</source>
        <translation>1. 形式とプレビュー</translation>
    </message>
    <message>
        <source>2. Columns</source>
        <translation>2. 列の対応付け</translation>
    </message>
    <message>
        <source>3. Check and import</source>
        <translation>3. 確認とインポート</translation>
    </message>
    <message>
        <source>The columns are not ready (step 2): %1</source>
        <translation>列の対応付けが完了していません(手順 2): %1</translation>
    </message>
    <message>
        <source>Choose a CSV file, or drop one on this window.</source>
        <translation>CSV ファイルを選ぶか、このウィンドウにドロップしてください。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <source>%1, %2-separated, %3 columns. The first %4 rows%5:</source>
        <translation>%1、%2区切り、%3 列。先頭 %4 行%5:</translation>
    </message>
    <message>
        <source> (the file goes on)</source>
        <translation>(以降も続きます)</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>真偽値</translation>
    </message>
    <message>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>%1 rows left out by the mapping's filter — not errors.</source>
        <translation>マッピングの絞り込みで %1 行を除外しました(エラーではありません)。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Column types: %1</source>
        <translation>列の型: %1</translation>
    </message>
    <message>
        <source>Other columns, kept as: %1</source>
        <translation>その他の列の取り込み方: %1</translation>
    </message>
    <message>
        <source>%1 rows can be read; then: %2</source>
        <translation>%1 行は読み込めます。その次: %2</translation>
    </message>
    <message>
        <source>Further down: %1</source>
        <translation>その先: %1</translation>
    </message>
    <message>
        <source>Import CSV into %1</source>
        <translation>%1 に CSV をインポート</translation>
    </message>
    <message>
        <source>Sending it to the team server: it lands whole or not at all.</source>
        <translation>チームのサーバーに送信しています。すべて反映されるか、何も反映されないかのどちらかです。</translation>
    </message>
</context>
<context>
    <name>tenure::MainWindow</name>
    <message>
        <source>Tenure</source>
        <translation>Tenure</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>顧客</translation>
    </message>
    <message>
        <source>Action queue</source>
        <translation>アクション</translation>
    </message>
    <message>
        <source>Action queue (%1)</source>
        <translation>アクション (%1)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>新しいワークスペース(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>ワークスペースを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Demo Workspace</source>
        <translation>デモワークスペースを開く(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV をインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Export Customers as CSV…</source>
        <translation>顧客一覧を CSV で書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>Print &amp;Account Report…</source>
        <translation>顧客レポートを印刷(&amp;A)…</translation>
    </message>
    <message>
        <source>Print &amp;Portfolio Report…</source>
        <translation>ポートフォリオレポートを印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>Export Account Report as P&amp;DF…</source>
        <translation>顧客レポートを PDF で書き出す(&amp;D)…</translation>
    </message>
    <message>
        <source>Export Portfolio Report as PD&amp;F…</source>
        <translation>ポートフォリオレポートを PDF で書き出す(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation>ワークスペース(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Score Now</source>
        <translation>今すぐスコアリング(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Rebuild Summaries from the Log</source>
        <translation>ログから集計を再構築(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Connectors…</source>
        <translation>コネクタ(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Pull from Connectors Now</source>
        <translation>コネクタから今すぐ取り込む(&amp;P)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>概要(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>顧客(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Action Queue</source>
        <translation>アクション(&amp;A)</translation>
    </message>
    <message>
        <source>Customer &amp;Page</source>
        <translation>顧客ページ(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Tenure</source>
        <translation>Tenure について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>%1 — Tenure</source>
        <translation>%1 — Tenure</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>開いています…</translation>
    </message>
    <message>
        <source>Creating the demo workspace…</source>
        <translation>デモワークスペースを作成しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Demo workspace</source>
        <translation>デモワークスペース</translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation>新しいワークスペース</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name, or open it with File → Open Workspace.</source>
        <translation>%1 は既に存在します。別の名前を選ぶか、「ファイル → ワークスペースを開く」で開いてください。</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>ワークスペースを開く</translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>データソース 1 件</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>データソース %1 件</translation>
    </message>
    <message>
        <source>%1 accounts · %2 events · %3</source>
        <translation>顧客 %1 社 · イベント %2 件 · %3</translation>
    </message>
    <message>
        <source>%1… %2%</source>
        <translation>%1… %2%</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Scored as of %1 · %2</source>
        <translation>%1 時点のスコア · %2</translation>
    </message>
    <message>
        <source>Scoring failed</source>
        <translation>スコアリングに失敗しました</translation>
    </message>
    <message>
        <source>Scoring…</source>
        <translation>スコアリング中…</translation>
    </message>
    <message>
        <source>Pulling %1: page %2, %3 new</source>
        <translation>%1 を取り込み中: %2 ページ目、新規 %3 件</translation>
    </message>
    <message>
        <source>Pulled %1: %2 new events</source>
        <translation>%1 を取り込みました: 新規イベント %2 件</translation>
    </message>
    <message>
        <source>Pull failed</source>
        <translation>取り込みに失敗しました</translation>
    </message>
    <message>
        <source>Pull of %1 failed</source>
        <translation>%1 の取り込みに失敗しました</translation>
    </message>
    <message>
        <source>Pulling…</source>
        <translation>取り込み中…</translation>
    </message>
    <message>
        <source>Rebuilding summaries…</source>
        <translation>集計を再構築しています…</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>ワークスペースが開かれていません</translation>
    </message>
    <message>
        <source>Customer page</source>
        <translation>顧客ページ</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>データソース</translation>
    </message>
    <message>
        <source>&amp;Data Sources</source>
        <translation>データソース(&amp;D)</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>ルール</translation>
    </message>
    <message>
        <source>Tuning</source>
        <translation>チューニング</translation>
    </message>
    <message>
        <source>Run &amp;Backtest</source>
        <translation>バックテストを実行(&amp;B)</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>ルール(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Tuning</source>
        <translation>チューニング(&amp;T)</translation>
    </message>
    <message>
        <source>Tenure workspaces (*.tenure *.tenure-team);;All files (*)</source>
        <translation>Tenure ワークスペース (*.tenure *.tenure-team);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Connect to &amp;Team Workspace…</source>
        <translation>チームワークスペースに接続(&amp;T)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったワークスペース(&amp;R)</translation>
    </message>
    <message>
        <source>%1 (team) — Tenure</source>
        <translation>%1 (チーム) — Tenure</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
    <message>
        <source>Team server unreachable: %1 Retrying; what you see is the last data read.</source>
        <translation>チームサーバーに接続できません: %1 再接続を試みています。表示中のデータは最後に読み込んだものです。</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2 (%3)</source>
        <translation>%1 に %2 (%3) としてサインイン中</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>最近使ったワークスペースはありません</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>メニューを消去</translation>
    </message>
    <message>
        <source>In a team workspace only admins change the rules.</source>
        <translation>チームワークスペースでルールを変更できるのは管理者だけです。</translation>
    </message>
    <message>
        <source>&amp;Go to Customer or View…</source>
        <translation>顧客・ビューへ移動(&amp;G)…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Read-only while the team server cannot be reached (%1). Notes on actions are kept and sent when it is back.</source>
        <translation>チームサーバーに接続できない間は読み取り専用です(%1)。アクションへのメモは保存され、接続が戻ると送信されます。</translation>
    </message>
    <message>
        <source>The team server refused the password: %1 Sign in again to see the team's current data.</source>
        <translation>チームサーバーがパスワードを拒否しました: %1 チームの最新データを見るには、もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>Read-only while the team server cannot be reached (%1).</source>
        <translation>チームサーバーに接続できない間は読み取り専用です(%1)。</translation>
    </message>
    <message>
        <source>Scored as of %1</source>
        <translation>%1 時点のスコア</translation>
    </message>
    <message>
        <source>No longer a team member</source>
        <translation>チームのメンバーではなくなりました</translation>
    </message>
    <message>
        <source>This machine's copy of the team's data has been removed.</source>
        <translation>このコンピュータにあったチームのデータのコピーを削除しました。</translation>
    </message>
    <message>
        <source>%1 is open instead. Once an admin adds you to the team again, open the team workspace again.</source>
        <translation>代わりに %1 を開いています。管理者がもう一度チームに追加したら、チームワークスペースを開き直してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) you wrote while the server was away could not be sent; they are under Show Details, to keep.</source>
        <translation>
            <numerusform>サーバーに接続できない間に書いたメモ %n 件は送信できませんでした。「詳細を表示」に載せていますので、控えておいてください。</numerusform></translation>
    </message>
    <message>
        <source>%1 (%2):
%3</source>
        <translation>%1(%2):
%3</translation>
    </message>
    <message>
        <source>Not connected to %1 (last signed in as %2)</source>
        <translation>%1 に接続していません(最後のサインイン: %2)</translation>
    </message>
    <message>
        <source>In a team workspace, connectors and scoring run on the team's server (tenure-cli serve), or on an admin's desktop when no service runs.</source>
        <translation>チームワークスペースでは、コネクタとスコアリングはチームのサーバー (tenure-cli serve) で、サービスが動いていなければ管理者のデスクトップで実行されます。</translation>
    </message>
    <message>
        <source>%1 to act on (%2)</source>
        <translation>対応が必要な%1(%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n accounts</source>
        <translation>
            <numerusform>顧客 %n 社</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n open actions</source>
        <translation>
            <numerusform>未対応のアクション %n 件</numerusform></translation>
    </message>
    <message>
        <source>No open actions</source>
        <translation>未対応のアクションはありません</translation>
    </message>
</context>
<context>
    <name>tenure::MappingEditor</name>
    <message>
        <source>The account column holds another key, resolved through keys imported into:</source>
        <translation>顧客の列には別のキーが入っている(次の名前空間のキーで顧客に変換):</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>From column</source>
        <translation>元の列</translation>
    </message>
    <message>
        <source>Value for every row</source>
        <translation>全行共通の値</translation>
    </message>
    <message>
        <source>Choose a file: its columns appear here with the field each one feeds.</source>
        <translation>ファイルを選ぶと、列とその取り込み先の項目がここに表示されます。</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1(必須)</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(取り込まない)</translation>
    </message>
    <message>
        <source>(the same value for every row)</source>
        <translation>(全行で同じ値)</translation>
    </message>
    <message>
        <source>No file has been read yet.</source>
        <translation>まだファイルを読み込んでいません。</translation>
    </message>
    <message>
        <source>%1: choose a column, or type the value every row gets.</source>
        <translation>%1: 列を選ぶか、全行共通の値を入力してください。</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>列: %1</translation>
    </message>
    <message>
        <source>Import only rows whose column</source>
        <translation>次の列の値で行を絞り込む:</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Read from the file as</source>
        <translation>ファイルから判定した型</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>取り込む型</translation>
    </message>
    <message>
        <source>e.g. Yes</source>
        <translation>例: Yes</translation>
    </message>
    <message>
        <source>Values separated by commas, compared trimmed and in any case. The other rows are left out and counted: they are not errors.</source>
        <translation>値はカンマ区切りで、前後の空白と大文字・小文字は区別しません。それ以外の行は除外して件数を数えます(エラーにはなりません)。</translation>
    </message>
    <message>
        <source>holds one of:</source>
        <translation>の値が次のいずれか:</translation>
    </message>
    <message>
        <source>%1 (required for new accounts)</source>
        <translation>%1(新規顧客には必須)</translation>
    </message>
    <message>
        <source>Type the values of %1 whose rows are imported (e.g. Yes), or untick the filter.</source>
        <translation>取り込む行の %1 の値(例: Yes)を入力するか、絞り込みのチェックを外してください。</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>真偽値</translation>
    </message>
    <message>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>%1: %2 (set)</source>
        <translation>%1: %2(指定)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: …</source>
        <translation>%1: …</translation>
    </message>
    <message>
        <source>The other columns travel along as text: their types could not be read (%1).</source>
        <translation>その他の列はテキストとして取り込みます。型を判定できませんでした (%1)。</translation>
    </message>
    <message>
        <source>No other columns: every column feeds a field.</source>
        <translation>その他の列はありません。すべての列が項目に割り当てられています。</translation>
    </message>
    <message>
        <source>The other columns are kept with each account, each with one type for all its rows:</source>
        <translation>その他の列は顧客ごとに保存します。型は列ごとに全行で一つです:</translation>
    </message>
    <message>
        <source>The other columns are kept with each event, each with one type for all its rows:</source>
        <translation>その他の列はイベントごとに保存します。型は列ごとに全行で一つです:</translation>
    </message>
    <message>
        <source>reading the file…</source>
        <translation>ファイルを読んでいます…</translation>
    </message>
    <message>
        <source>as read (%1)</source>
        <translation>判定どおり(%1)</translation>
    </message>
    <message>
        <source>as read</source>
        <translation>判定どおり</translation>
    </message>
    <message>
        <source>The column that holds the number of months</source>
        <translation>月数が入っている列</translation>
    </message>
    <message>
        <source>The date the months are counted back from (the export's date)</source>
        <translation>月数を逆算する基準日(エクスポートした日)</translation>
    </message>
    <message>
        <source>(months counted back from a date)</source>
        <translation>(列の月数を基準日から逆算)</translation>
    </message>
</context>
<context>
    <name>tenure::OutcomeDialog</name>
    <message>
        <source>Record an Outcome of %1</source>
        <translation>%1 の結果を記録</translation>
    </message>
    <message>
        <source>optional, e.g. 12000</source>
        <translation>任意。例: 12000</translation>
    </message>
    <message>
        <source>optional, e.g. switched to a competitor</source>
        <translation>任意。例: 競合に乗り換え</translation>
    </message>
    <message>
        <source>&amp;What happened:</source>
        <translation>内容(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;On:</source>
        <translation>日付(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>金額(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>メモ(&amp;N):</translation>
    </message>
    <message>
        <source>The date is in the future: record an outcome once it has happened.</source>
        <translation>日付が未来です。結果は起きてから記録してください。</translation>
    </message>
    <message>
        <source>Amount: expected a number of 0 or more, such as 12000, got "%1".</source>
        <translation>金額: 12000 のような 0 以上の数値が必要ですが、「%1」でした。</translation>
    </message>
</context>
<context>
    <name>tenure::OverviewView</name>
    <message>
        <source>Accounts by band</source>
        <translation>バンド別の顧客数</translation>
    </message>
    <message>
        <source>Accounts by stage</source>
        <translation>ステージ別の顧客数</translation>
    </message>
    <message>
        <source>ARR by band</source>
        <translation>バンド別の ARR</translation>
    </message>
    <message>
        <source>Portfolio health, last 12 months</source>
        <translation>ポートフォリオの健全性(過去 12 か月)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変化</translation>
    </message>
    <message>
        <source>&lt;b&gt;Biggest score drops, last 30 days&lt;/b&gt;</source>
        <translation>&lt;b&gt;過去 30 日のスコア低下が大きい顧客&lt;/b&gt;</translation>
    </message>
    <message>
        <source>ARR by band (%1) · at risk %2</source>
        <translation>バンド別の ARR(%1)· リスク %2</translation>
    </message>
    <message>
        <source>ARR by band: no ARR recorded</source>
        <translation>バンド別の ARR: ARR の記録なし</translation>
    </message>
    <message numerus="yes">
        <source>%n accounts</source>
        <translation>
            <numerusform>顧客 %n 社</numerusform></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>ARR at risk %1</source>
        <translation>リスクのある ARR %1</translation>
    </message>
    <message>
        <source>My accounts (%1): %2
Team: %3</source>
        <translation>自分の顧客(%1): %2
チーム: %3</translation>
    </message>
    <message>
        <source>ARR in:</source>
        <translation>ARR の通貨:</translation>
    </message>
    <message>
        <source>no currency</source>
        <translation>通貨なし</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>30 日前</translation>
    </message>
    <message>
        <source>The score 30 days ago</source>
        <translation>30 日前のスコア</translation>
    </message>
</context>
<context>
    <name>tenure::PullRunner</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Connector "%1", page %2 (%3)</source>
        <translation>コネクタ「%1」、%2 ページ目 (%3)</translation>
    </message>
    <message>
        <source>%1: redirect loop: more than 10 redirects, or a redirect to a less secure address (%2)</source>
        <translation>%1: リダイレクトのループ: 10 回を超えるリダイレクト、または安全性の低いアドレスへのリダイレクト (%2)</translation>
    </message>
    <message>
        <source>%1: TLS error: %2</source>
        <translation>%1: TLS エラー: %2</translation>
    </message>
    <message>
        <source>%1: HTTP %2: the server refused the credentials; check the connector's token (tenure-cli connector secret %3, or %4)</source>
        <translation>%1: HTTP %2: サーバーが認証情報を拒否しました。コネクタのトークンを確認してください(tenure-cli connector secret %3、または %4)</translation>
    </message>
    <message>
        <source>%1: HTTP 429: the server asks to wait %2 s (more than %3 s); try again later</source>
        <translation>%1: HTTP 429: サーバーが %2 秒(%3 秒超)の待機を求めています。後でもう一度試してください</translation>
    </message>
    <message>
        <source>HTTP 429 (rate limited)</source>
        <translation>HTTP 429(レート制限)</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>%1 秒以内に応答がありません</translation>
    </message>
    <message>
        <source>%1: HTTP %2: %3</source>
        <translation>%1: HTTP %2: %3</translation>
    </message>
    <message>
        <source>%1: paging loop: the server pointed to "%2" again; stopping instead of reading the same pages forever</source>
        <translation>%1: ページングのループ: サーバーが再び「%2」を指しました。同じページを読み続けないよう停止します</translation>
    </message>
    <message>
        <source>event %1: %2</source>
        <translation>イベント %1: %2</translation>
    </message>
    <message>
        <source>%1: gave up after %2 attempts; the last said: %3</source>
        <translation>%1: %2 回試みて断念しました。最後の応答: %3</translation>
    </message>
    <message>
        <source>event %1: an outcome (%2) for account "%3", which is not in this workspace (import the accounts first); the event itself was kept</source>
        <translation>イベント %1: 顧客「%3」の結果(%2)ですが、この顧客はワークスペースにありません(先に顧客をインポートしてください)。イベント自体は保存しました</translation>
    </message>
</context>
<context>
    <name>tenure::QuickSwitcher</name>
    <message>
        <source>Go to a customer (name or id) or a view…</source>
        <translation>顧客(名前または ID)またはビューへ移動…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>tenure::RecentWorkspaces</name>
    <message>
        <source>Team: %1</source>
        <translation>チーム: %1</translation>
    </message>
</context>
<context>
    <name>tenure::ReportActions</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Account Report</source>
        <translation>顧客レポート</translation>
    </message>
    <message>
        <source>Account (type to search):</source>
        <translation>顧客(入力して検索):</translation>
    </message>
    <message>
        <source>No account "%1".</source>
        <translation>顧客「%1」はありません。</translation>
    </message>
    <message>
        <source>Account report: %1</source>
        <translation>顧客レポート: %1</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>すべての担当者</translation>
    </message>
    <message>
        <source>Portfolio Report</source>
        <translation>ポートフォリオレポート</translation>
    </message>
    <message>
        <source>Accounts of:</source>
        <translation>対象の担当者:</translation>
    </message>
    <message>
        <source>Portfolio report</source>
        <translation>ポートフォリオレポート</translation>
    </message>
    <message>
        <source>Export Account Report</source>
        <translation>顧客レポートを書き出す</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n pages).</source>
        <translation>
            <numerusform>%1 を書き出しました(%n ページ)。</numerusform></translation>
    </message>
    <message>
        <source>Export Portfolio Report</source>
        <translation>ポートフォリオレポートを書き出す</translation>
    </message>
    <message>
        <source>portfolio.pdf</source>
        <translation>portfolio.pdf</translation>
    </message>
    <message>
        <source>CSV, UTF-8 for Excel (*.csv)</source>
        <translation>CSV(UTF-8、Excel 用)(*.csv)</translation>
    </message>
    <message>
        <source>CSV, Shift_JIS / CP932 for Japanese Excel (*.csv)</source>
        <translation>CSV(Shift_JIS / CP932、日本語版 Excel 用)(*.csv)</translation>
    </message>
    <message>
        <source>Export Customers</source>
        <translation>顧客一覧を書き出す</translation>
    </message>
    <message>
        <source>customers.csv</source>
        <translation>customers.csv</translation>
    </message>
    <message>
        <source>Exported %1 accounts to %2.</source>
        <translation>%1 社を %2 に書き出しました。</translation>
    </message>
    <message>
        <source>The customer list as filtered now</source>
        <translation>現在の絞り込みの顧客一覧</translation>
    </message>
</context>
<context>
    <name>tenure::RuleSetEditor</name>
    <message>
        <source>Band</source>
        <translation>バンド</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>色</translation>
    </message>
    <message>
        <source>From score</source>
        <translation>下限スコア</translation>
    </message>
    <message>
        <source>Best band first. A score belongs to the first band whose lowest score it reaches; the last band catches every score and starts at 0.</source>
        <translation>良いバンドから順に並べます。スコアは下限に達した最初のバンドに入ります。最後のバンドは 0 から始まり、残りすべてを受けます。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>色(&amp;C):</translation>
    </message>
    <message>
        <source>Applies &amp;when:</source>
        <translation>適用条件(&amp;W):</translation>
    </message>
    <message>
        <source>Stages are tried in order; the first whose condition holds is the account's stage. Its criteria make the health score.</source>
        <translation>ステージは上から順に判定され、条件を満たした最初のステージが顧客のステージになります。そのステージの基準でヘルススコアを計算します。</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>基準を追加</translation>
    </message>
    <message>
        <source>Remove criterion</source>
        <translation>基準を削除</translation>
    </message>
    <message>
        <source>Rule set &amp;name:</source>
        <translation>ルールセット名(&amp;N):</translation>
    </message>
    <message>
        <source>Bands</source>
        <translation>バンド</translation>
    </message>
    <message>
        <source>Not valid yet: %1</source>
        <translation>まだ有効ではありません: %1</translation>
    </message>
    <message>
        <source>Events in the last 30 days</source>
        <translation>直近 30 日のイベント数</translation>
    </message>
</context>
<context>
    <name>tenure::RulesView</name>
    <message>
        <source>&amp;Import…</source>
        <translation>インポート(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>エクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>元に戻す(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Preview Changes</source>
        <translation>変更をプレビュー(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Save and Rebuild</source>
        <translation>保存して再構築(&amp;S)</translation>
    </message>
    <message>
        <source>Load a rule file (JSON) into the editor; nothing is saved until you save.</source>
        <translation>ルールファイル(JSON)をエディタに読み込みます。保存するまで何も変わりません。</translation>
    </message>
    <message>
        <source>Write the rules in the editor to a JSON file.</source>
        <translation>エディタのルールを JSON ファイルに書き出します。</translation>
    </message>
    <message>
        <source>Save as a new version; the summaries are rebuilt in the background.</source>
        <translation>新しいバージョンとして保存し、集計をバックグラウンドで再構築します。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>顧客</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>バンド</translation>
    </message>
    <message>
        <source>Import Rules</source>
        <translation>ルールをインポート</translation>
    </message>
    <message>
        <source>Rule files (*.json)</source>
        <translation>ルールファイル (*.json)</translation>
    </message>
    <message>
        <source>Export Rules</source>
        <translation>ルールをエクスポート</translation>
    </message>
    <message>
        <source>&lt;b&gt;Active rules:&lt;/b&gt; version %1, saved %2 by %3</source>
        <translation>&lt;b&gt;有効なルール:&lt;/b&gt; バージョン %1(%2、%3 が保存)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Active rules:&lt;/b&gt; the defaults that ship with Tenure</source>
        <translation>&lt;b&gt;有効なルール:&lt;/b&gt; Tenure 標準のルール</translation>
    </message>
    <message>
        <source>Edit a band, stage or criterion; Preview Changes shows which accounts would move.</source>
        <translation>バンド・ステージ・基準を編集してください。「変更をプレビュー」でどの顧客が移動するかを確認できます。</translation>
    </message>
    <message>
        <source>Evaluating every account with the edited rules…</source>
        <translation>編集したルールで全顧客を評価しています…</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>(no score)</source>
        <translation>(スコアなし)</translation>
    </message>
    <message>
        <source>With these rules, as of %1: %2 of %3 accounts would change stage and %4 would change band.%5</source>
        <translation>このルールでは %1 時点で、%3 社中 %2 社のステージと %4 社のバンドが変わります。%5</translation>
    </message>
    <message>
        <source>Saved as version %1. The summaries are being rebuilt; the views update when it is done.</source>
        <translation>バージョン %1 として保存しました。集計を再構築しています。完了すると画面が更新されます。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Imported %1. Preview the changes, then save to adopt it.</source>
        <translation>%1 をインポートしました。変更をプレビューしてから保存すると採用されます。</translation>
    </message>
    <message>
        <source>Exported the rules to %1.</source>
        <translation>ルールを %1 に書き出しました。</translation>
    </message>
    <message>
        <source>%1 You can still change the rules here and preview their effect.</source>
        <translation>%1 ここでルールを変更して、その効果をプレビューすることはできます。</translation>
    </message>
</context>
<context>
    <name>tenure::ScopeSwitch</name>
    <message>
        <source>My accounts</source>
        <translation>自分の顧客</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
</context>
<context>
    <name>tenure::ScoringWorker</name>
    <message>
        <source>Updating the action queue failed: %1</source>
        <translation>アクションの更新に失敗しました: %1</translation>
    </message>
</context>
<context>
    <name>tenure::TeamConnectDialog</name>
    <message>
        <source>Remember the password in the keychain</source>
        <translation>パスワードをキーチェーンに保存する</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>接続をテスト(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>接続(&amp;C)</translation>
    </message>
    <message>
        <source>Connect to Team Workspace</source>
        <translation>チームワークスペースに接続</translation>
    </message>
    <message>
        <source>e.g. tenure</source>
        <translation>例: tenure</translation>
    </message>
    <message>
        <source>your database login</source>
        <translation>データベースのログイン名</translation>
    </message>
    <message>
        <source>Verify the server's certificate and name (recommended)</source>
        <translation>サーバーの証明書と名前を検証する (推奨)</translation>
    </message>
    <message>
        <source>Verify the server's certificate</source>
        <translation>サーバーの証明書を検証する</translation>
    </message>
    <message>
        <source>Encrypt, do not verify</source>
        <translation>暗号化する (検証しない)</translation>
    </message>
    <message>
        <source>Encrypt when the server offers it</source>
        <translation>サーバーが対応していれば暗号化する</translation>
    </message>
    <message>
        <source>Do not encrypt (local networks only)</source>
        <translation>暗号化しない (ローカルネットワークのみ)</translation>
    </message>
    <message>
        <source>the CA certificate that signs the server's (.crt, .pem)</source>
        <translation>サーバー証明書に署名した CA 証明書 (.crt、.pem)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>ホスト(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>ポート(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>データベース(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ユーザー(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>暗号化(&amp;E):</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA ファイル:</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>CA 証明書</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>証明書 (*.crt *.pem *.cer);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2, which is not a member of this team: an admin adds members with tenure-cli team add-member.</source>
        <translation>%1 に %2 としてサインインしましたが、このチームのメンバーではありません。メンバーは管理者が tenure-cli team add-member で追加します。</translation>
    </message>
    <message>
        <source>Connected to %1 as %2 (%3).</source>
        <translation>%1 に %2 (%3) として接続しました。</translation>
    </message>
</context>
<context>
    <name>tenure::TeamDeskSync</name>
    <message>
        <source>Cannot open this machine's copy of the team workspace (%1): %2</source>
        <translation>このマシンのチームワークスペースのコピー (%1) を開けません: %2</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2, which is not a member of the team (an admin adds members with tenure-cli team add-member).</source>
        <translation>%1 に %2 としてサインインしましたが、チームのメンバーではありません (メンバーは管理者が tenure-cli team add-member で追加します)。</translation>
    </message>
</context>
<context>
    <name>tenure::TeamService</name>
    <message>
        <source>changes announced by the server</source>
        <translation>サーバーから通知された変更</translation>
    </message>
    <message>
        <source>Serving team workspace %1 (engine copy: %2).</source>
        <translation>チームワークスペース %1 を提供しています(エンジン用コピー: %2)。</translation>
    </message>
    <message>
        <source>Cannot reach the team workspace: %1 (trying again in %2 s).</source>
        <translation>チームワークスペースに接続できません: %1(%2 秒後に再試行します)。</translation>
    </message>
    <message>
        <source>Standing by: the team's engine is %1.</source>
        <translation>待機中: チームのエンジンは %1 です。</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>別のプロセス</translation>
    </message>
    <message>
        <source>Elected: this process is the team's engine.</source>
        <translation>選出: このプロセスがチームのエンジンです。</translation>
    </message>
    <message>
        <source>elected</source>
        <translation>選出</translation>
    </message>
    <message>
        <source>the day changed</source>
        <translation>日付の変更</translation>
    </message>
    <message>
        <source>every %1 minutes</source>
        <translation>%1 分ごと</translation>
    </message>
    <message>
        <source>Cannot listen for changes (scoring every %1 minutes instead): %2</source>
        <translation>変更の通知を受け取れません(代わりに %1 分ごとにスコアリングします): %2</translation>
    </message>
    <message>
        <source>Scoring failed (%1): %2</source>
        <translation>スコアリングに失敗しました (%1): %2</translation>
    </message>
    <message>
        <source>Lost the engine lock (the server ended this session, or another engine took over): standing by.</source>
        <translation>エンジンのロックを失いました(サーバーがこのセッションを終了したか、別のエンジンが引き継ぎました)。待機します。</translation>
    </message>
    <message>
        <source>%1 events of the team's log were set aside, not scored (the first: %2).</source>
        <translation>チームのログのイベント %1 件を保留し、スコアリングしませんでした(最初の 1 件: %2)。</translation>
    </message>
    <message>
        <source>Scheduled pulls failed: %1</source>
        <translation>定期取り込みに失敗しました: %1</translation>
    </message>
    <message>
        <source>Scheduled pulls added %1 events to the team's log.</source>
        <translation>定期取り込みでチームのログにイベント %1 件を追加しました。</translation>
    </message>
    <message numerus="yes">
        <source>%n new events</source>
        <translation>
            <numerusform>新規イベント %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n statuses</source>
        <translation>
            <numerusform>ステータス %n 件</numerusform></translation>
    </message>
    <message>
        <source>Scored (%1): %2, log up to seq %3, %4 written, as of %5 with rules v%6; action queue: %7 open, %8 new, %9 cleared (%10 s: %11).</source>
        <translation>スコアリング完了 (%1): %2、ログは seq %3 まで、%4を書き込み、%5 時点、ルール v%6。アクション: 未対応 %7 件、新規 %8 件、解消 %9 件 (%10 秒: %11)。</translation>
    </message>
    <message>
        <source>Elected again: the server ended the engine's session, and this process took the lock back.</source>
        <translation>再選出: サーバーがエンジンのセッションを終了したため、このプロセスがロックを取り直しました。</translation>
    </message>
    <message>
        <source>elected again</source>
        <translation>再選出</translation>
    </message>
    <message>
        <source>Listening for changes again on a new session.</source>
        <translation>新しいセッションで変更の通知を再び受け取ります。</translation>
    </message>
</context>
<context>
    <name>tenure::TuningView</name>
    <message>
        <source>&amp;Run Backtest</source>
        <translation>バックテストを実行(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>&amp;Adopt Candidate…</source>
        <translation>候補を採用(&amp;A)…</translation>
    </message>
    <message>
        <source>Reset to Active Rules</source>
        <translation>有効なルールに戻す</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Active rules</source>
        <translation>有効なルール</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候補</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>基準</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Churn when passing [95%]</source>
        <translation>合格時の解約率 [95%]</translation>
    </message>
    <message>
        <source>Fails</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Churn when failing [95%]</source>
        <translation>不合格時の解約率 [95%]</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>リフト</translation>
    </message>
    <message>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <source>Suggested cut-off</source>
        <translation>推奨しきい値</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>信頼性</translation>
    </message>
    <message>
        <source>ROC: the score as a churn signal</source>
        <translation>ROC: 解約の兆候としてのスコア</translation>
    </message>
    <message>
        <source>Churn rate by band</source>
        <translation>バンド別の解約率</translation>
    </message>
    <message>
        <source>Scores of churned and retained (active rules)</source>
        <translation>解約・継続顧客のスコア分布(有効なルール)</translation>
    </message>
    <message>
        <source>%1 days before the outcome</source>
        <translation>結果の %1 日前</translation>
    </message>
    <message>
        <source>Each account is scored this many days before what happened to it, from the log as it was then: no later event counts.</source>
        <translation>各顧客を、結果の指定日数前の時点でログから評価します。それ以降のイベントは使いません。</translation>
    </message>
    <message>
        <source>Score each case</source>
        <translation>各ケースの評価時点</translation>
    </message>
    <message>
        <source>&lt;b&gt;Candidate rules&lt;/b&gt; (a copy of the active ones: edit, then run)</source>
        <translation>&lt;b&gt;候補のルール&lt;/b&gt;(有効なルールのコピー。編集してから実行)</translation>
    </message>
    <message>
        <source>Evidence per criterion, for</source>
        <translation>基準ごとの根拠:</translation>
    </message>
    <message>
        <source>Passing: the criterion earns at least half its points. Lift: churn when failing over churn when passing. The suggested cut-off maximises Youden's J (caught churners minus flagged retained). "Too few": fewer than 30 cases on a side or 5 churners: do not trust it yet.</source>
        <translation>合格: 配点の半分以上を得た場合。リフト: 不合格時の解約率 ÷ 合格時の解約率。推奨しきい値は Youden の J(検出できた解約の割合 − 誤って検出した継続の割合)が最大になる値です。「少なすぎ」: どちらかが 30 件未満、または解約が 5 件未満で、まだ信頼できません。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>要約</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <source>Per criterion</source>
        <translation>基準別</translation>
    </message>
    <message>
        <source>Run a backtest to see how well the rules foretold churn.</source>
        <translation>バックテストを実行すると、ルールが解約をどれだけ予測できたかがわかります。</translation>
    </message>
    <message>
        <source>The candidate rules are not valid: %1</source>
        <translation>候補のルールが有効ではありません: %1</translation>
    </message>
    <message>
        <source>Replaying history…</source>
        <translation>履歴を再生しています…</translation>
    </message>
    <message>
        <source>%1 cases (%2 from outcomes, %3 retained accounts as of %4 days ago), %5 churned within %4 days. 0.5 AUC is chance, 1 is perfect.</source>
        <translation>%1 件(結果から %2 件、%4 日前時点の継続顧客 %3 件)、うち %4 日以内の解約 %5 件。AUC 0.5 は偶然、1 は完全な予測です。</translation>
    </message>
    <message>
        <source>ROC AUC of the score for churn</source>
        <translation>解約に対するスコアの ROC AUC</translation>
    </message>
    <message>
        <source>Cases with a score</source>
        <translation>スコアのあるケース</translation>
    </message>
    <message>
        <source>"%1" as a churn flag: precision</source>
        <translation>「%1」を解約の兆候とした場合の適合率</translation>
    </message>
    <message>
        <source>"%1" as a churn flag: recall</source>
        <translation>「%1」を解約の兆候とした場合の再現率</translation>
    </message>
    <message>
        <source>%1: churn rate [95%]</source>
        <translation>%1: 解約率 [95%]</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 件中 %1</translation>
    </message>
    <message>
        <source>%1: expansion rate</source>
        <translation>%1: 拡大率</translation>
    </message>
    <message>
        <source>Stage %1: churn rate [95%]</source>
        <translation>ステージ %1: 解約率 [95%]</translation>
    </message>
    <message>
        <source>Scoring: %1</source>
        <translation>採点: %1</translation>
    </message>
    <message>
        <source>below %1 (J %2)</source>
        <translation>%1 未満 (J %2)</translation>
    </message>
    <message>
        <source>above %1 (J %2)</source>
        <translation>%1 超 (J %2)</translation>
    </message>
    <message>
        <source>Too few</source>
        <translation>少なすぎ</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>The candidate is now the active rules (version %1); the summaries are being rebuilt.</source>
        <translation>候補が有効なルールになりました(バージョン %1)。集計を再構築しています。</translation>
    </message>
    <message>
        <source>&amp;Suggest Rules…</source>
        <translation>ルールを提案(&amp;S)…</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>採点</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重み</translation>
    </message>
    <message>
        <source>AUC alone</source>
        <translation>単独の AUC</translation>
    </message>
    <message>
        <source>Churn when failing</source>
        <translation>不合格時の解約</translation>
    </message>
    <message>
        <source>Churn when passing</source>
        <translation>合格時の解約</translation>
    </message>
    <message>
        <source>&amp;Use as Candidate</source>
        <translation>候補として使う(&amp;U)</translation>
    </message>
    <message>
        <source>Fit criteria, thresholds and weights to this workspace's own outcomes, and check them on later outcomes against the active rules.</source>
        <translation>このワークスペース自身の結果に基準・しきい値・重みを当てはめ、後の結果で有効なルールと比べて検証します。</translation>
    </message>
    <message>
        <source>Suggest Rules… fits criteria to this workspace's outcomes before a cut-off day and checks them on the outcomes after it.</source>
        <translation>「ルールを提案…」は、区切り日より前の結果に基準を当てはめ、それより後の結果で検証します。</translation>
    </message>
    <message>
        <source>AUC alone and lift are measured on the training cases (the outcomes up to the cut-off): lift is churn when failing over churn when passing. The holdout AUC above is the honest figure: outcomes the fit never saw.</source>
        <translation>単独の AUC とリフトは学習ケース(区切り日までの結果)で測ります。リフトは不合格時の解約率を合格時の解約率で割った値です。信頼できるのは上の検証 AUC です(当てはめに使っていない結果)。</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Fitting rules to this workspace's outcomes…</source>
        <translation>このワークスペースの結果にルールを当てはめています…</translation>
    </message>
    <message>
        <source>%1 [95%: %2–%3]</source>
        <translation>%1 [95%: %2–%3]</translation>
    </message>
    <message>
        <source>Fitted on %1 cases up to %2 (%3 churned), checked on %4 later cases (%5 churned), %6 days ahead.</source>
        <translation>%2 までの %1 ケース(解約 %3 件)に当てはめ、後の %4 ケース(解約 %5 件)で検証、%6 日前時点。</translation>
    </message>
    <message>
        <source>Holdout ROC AUC: suggested %1, active rules %2 (the same cases).</source>
        <translation>検証 ROC AUC: 提案 %1、有効なルール %2(同じケース)。</translation>
    </message>
    <message>
        <source>Stages: %1</source>
        <translation>ステージ: %1</translation>
    </message>
    <message>
        <source>Left out: %1: %2</source>
        <translation>除外: %1: %2</translation>
    </message>
    <message>
        <source>The suggestion is the candidate now: it is being backtested beside the active rules. Adopt it, or edit it first.</source>
        <translation>提案を候補にしました。有効なルールと並べてバックテストしています。そのまま採用するか、先に編集してください。</translation>
    </message>
    <message>
        <source>no cases</source>
        <translation>ケースなし</translation>
    </message>
</context>
<context>
    <name>tenure::WorkspaceSummaryView</name>
    <message>
        <source>Opening workspace…</source>
        <translation>ワークスペースを開いています…</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 を開けません</translation>
    </message>
    <message>
        <source>Team workspace</source>
        <translation>チームワークスペース</translation>
    </message>
    <message>
        <source>This desktop's copy</source>
        <translation>このデスクトップのコピー</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>顧客数</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント数</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>データソース</translation>
    </message>
</context>
<context>
    <name>tenure::json</name>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>%1 行目 %2 列目: %3</translation>
    </message>
    <message>
        <source>expected a JSON object ({ … })</source>
        <translation>JSON オブジェクト({ … })が必要です</translation>
    </message>
    <message>
        <source>%1: cannot read it: %2</source>
        <translation>%1: 読み込めません: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: unknown key; expected %2</source>
        <translation>%1: 不明なキーです。使えるキー: %2</translation>
    </message>
</context>
</TS>