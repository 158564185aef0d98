<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Pinshang Counter</source>
        <translation>关于品尚收银台</translation>
    </message>
    <message>
        <source>Pinshang Counter {version}</source>
        <translation>品尚收银台 {version}</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>构建组件</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Licences of the parts shipped with this app</source>
        <translation>本应用所含组件的许可证</translation>
    </message>
</context>
<context>
    <name>AllianceScreen</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Locked since</source>
        <translation>锁定日期</translation>
    </message>
    <message>
        <source>Spent at other merchants</source>
        <translation>在其他商家消费</translation>
    </message>
    <message>
        <source>Two weeks up to</source>
        <translation>截至该日的两周</translation>
    </message>
    <message>
        <source>Sync is not available</source>
        <translation>同步不可用</translation>
    </message>
    <message>
        <source>{n} members are locked to this merchant. In these two weeks they spent {spend} at other merchants of the alliance, and this merchant earned {share} in alliance shares.</source>
        <translation>{n} 位会员锁定在本商家。这两周他们在联盟其他商家消费 {spend}，本商家获得联盟分成 {share}。</translation>
    </message>
    <message>
        <source>Spent at other merchants (CNY)</source>
        <translation>在其他商家消费（元）</translation>
    </message>
    <message>
        <source>Share earned (CNY)</source>
        <translation>获得分成（元）</translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理办法</translation>
    </message>
    <message>
        <source>Rejected by the platform</source>
        <translation>被平台拒绝</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
</context>
<context>
    <name>AttentionScreen</name>
    <message>
        <source>Mark resolved</source>
        <translation>标记为已处理</translation>
    </message>
    <message>
        <source>Needs attention: {n}</source>
        <translation>待处理：{n}</translation>
    </message>
    <message>
        <source>Nothing needs attention</source>
        <translation>没有待处理事项</translation>
    </message>
    <message>
        <source>Why: {reason}
What to do: {action}</source>
        <translation>原因：{reason}
处理办法：{action}</translation>
    </message>
    <message>
        <source>Choose an item first</source>
        <translation>请先选择一项</translation>
    </message>
    <message>
        <source>Marked resolved</source>
        <translation>已标记为已处理</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <source>Verify the whole chain</source>
        <translation>校验整条链</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <source>Intact: {n} records</source>
        <translation>完整：共 {n} 条记录</translation>
    </message>
    <message>
        <source>Broken at record {row}: {problem}</source>
        <translation>第 {row} 条记录处断裂：{problem}</translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No (disabled)</source>
        <translation>否（已停售）</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <source>Scan an item, member code, coin authorization or prize voucher</source>
        <translation>扫描商品、会员码、购物币授权码或奖品券</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Discount ¥</source>
        <translation>折扣 ¥</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>单品折扣</translation>
    </message>
    <message>
        <source>Bill discount</source>
        <translation>整单折扣</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>桌号</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>挂单</translation>
    </message>
    <message>
        <source>No parked bills</source>
        <translation>没有挂单</translation>
    </message>
    <message>
        <source>Parked bills: choose one, then Recall</source>
        <translation>挂起的单：选一张，再按“取单”</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>取单</translation>
    </message>
    <message>
        <source>New bill</source>
        <translation>新账单</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>结账</translation>
    </message>
    <message>
        <source>Parked: {label} · {time}</source>
        <translation>挂单：{label} · {time}</translation>
    </message>
    <message>
        <source>{n} coins of {member} were taken by the platform for a bill that was not completed: ring up their bill again with the same coins, or ask a manager</source>
        <translation>平台已为一张未完成的账单扣除了 {member} 的 {n} 个购物币：请用相同的购物币数重新为其结账，或联系经理</translation>
    </message>
    <message>
        <source>Subtotal {fen}</source>
        <translation>小计 {fen}</translation>
    </message>
    <message>
        <source>bill discount −{fen}</source>
        <translation>整单折扣 −{fen}</translation>
    </message>
    <message>
        <source>{n} coins −{fen}</source>
        <translation>购物币 {n} 个 −{fen}</translation>
    </message>
    <message>
        <source>rounding {fen}</source>
        <translation>抹零 {fen}</translation>
    </message>
    <message>
        <source>discount approved by {name}</source>
        <translation>折扣已由 {name} 批准</translation>
    </message>
    <message>
        <source>To pay {fen}</source>
        <translation>应付 {fen}</translation>
    </message>
    <message>
        <source>This bill is paid: scan the next item to start a new one</source>
        <translation>本单已付款：扫描下一件商品开始新账单</translation>
    </message>
    <message>
        <source>This prize voucher is on the bill already</source>
        <translation>这张奖品券已在账单上</translation>
    </message>
    <message>
        <source>Choose a line first</source>
        <translation>请先选择一行</translation>
    </message>
    <message>
        <source>The discount needs a manager's approval</source>
        <translation>该折扣需要经理批准</translation>
    </message>
    <message>
        <source>Asking the platform…</source>
        <translation>正在询问平台…</translation>
    </message>
    <message>
        <source>The platform cannot be reached: coins only with the member's coin authorization</source>
        <translation>无法连接平台：只能使用会员的购物币授权码</translation>
    </message>
    <message>
        <source>Order parked</source>
        <translation>已挂单</translation>
    </message>
    <message>
        <source>Order {label} recalled</source>
        <translation>已取回 {label} 的账单</translation>
    </message>
    <message>
        <source>Change {fen}</source>
        <translation>找零 {fen}</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>无需找零</translation>
    </message>
    <message>
        <source>✔ {receipt} · {change}</source>
        <translation>✔ {receipt} · {change}</translation>
    </message>
</context>
<context>
    <name>CountPanel</name>
    <message>
        <source>Total {amount}</source>
        <translation>合计 {amount}</translation>
    </message>
</context>
<context>
    <name>CounterStatusBar</name>
    <message>
        <source>Not paired</source>
        <translation>未配对</translation>
    </message>
    <message>
        <source>{n} waiting to send</source>
        <translation>{n} 条待发送</translation>
    </message>
    <message>
        <source>unsent for over 24 h!</source>
        <translation>超过 24 小时未发送！</translation>
    </message>
    <message>
        <source>⚠ {n} refused by the platform</source>
        <translation>⚠ 平台拒绝 {n} 条</translation>
    </message>
    <message>
        <source>The platform refused these records: see Needs attention</source>
        <translation>平台拒绝了这些记录：请查看“待处理事项”</translation>
    </message>
</context>
<context>
    <name>DealEditor</name>
    <message>
        <source>Leader is drawn like anyone</source>
        <translation>团长与其他人一样参与抽奖</translation>
    </message>
    <message>
        <source>Leader excluded, gets a leader reward</source>
        <translation>团长不参与抽奖，获团长奖励</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Market value</source>
        <translation>市场价值</translation>
    </message>
    <message>
        <source>Cost per product</source>
        <translation>单件成本</translation>
    </message>
    <message>
        <source>Group price</source>
        <translation>拼团价</translation>
    </message>
    <message>
        <source>People per group (N)</source>
        <translation>成团人数 (N)</translation>
    </message>
    <message>
        <source>Winners (K)</source>
        <translation>中奖人数 (K)</translation>
    </message>
    <message>
        <source>Leader rule</source>
        <translation>团长规则</translation>
    </message>
    <message>
        <source>Leader reward</source>
        <translation>团长奖励</translation>
    </message>
    <message>
        <source>Consolation cash per loser</source>
        <translation>每位未中奖者现金安慰奖</translation>
    </message>
    <message>
        <source>Consolation coins per loser</source>
        <translation>每位未中奖者安慰购物币</translation>
    </message>
    <message>
        <source>Formation reward per joiner</source>
        <translation>每位参团者的成团奖励</translation>
    </message>
    <message>
        <source>Promotion budget per group</source>
        <translation>每团推广预算</translation>
    </message>
    <message>
        <source>Hours to fill a group</source>
        <translation>成团时限（小时）</translation>
    </message>
    <message>
        <source>Groups open at once</source>
        <translation>可同时开团数</translation>
    </message>
    <message>
        <source>Seats per member</source>
        <translation>每位会员可占名额</translation>
    </message>
    <message>
        <source>Voucher valid (days)</source>
        <translation>兑换券有效期（天）</translation>
    </message>
    <message>
        <source>Organiser's contact</source>
        <translation>主办方联系方式</translation>
    </message>
    <message>
        <source>Redemption place</source>
        <translation>兑奖地点</translation>
    </message>
    <message>
        <source>Per group</source>
        <translation>每团</translation>
    </message>
    <message>
        <source>Money in</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Consolation paid</source>
        <translation>安慰奖支出</translation>
    </message>
    <message>
        <source>Consolation coins</source>
        <translation>安慰购物币</translation>
    </message>
    <message>
        <source>Product cost</source>
        <translation>商品成本</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>Promotion budget</source>
        <translation>推广预算</translation>
    </message>
    <message>
        <source>The store keeps (per group)</source>
        <translation>商家每团留存</translation>
    </message>
    <message>
        <source>The store keeps per person</source>
        <translation>商家每位参与者留存</translation>
    </message>
    <message>
        <source>Break-even: group price at least {price}</source>
        <translation>保本：拼团价至少 {price}</translation>
    </message>
</context>
<context>
    <name>DealsScreen</name>
    <message>
        <source>New deal</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>上线</translation>
    </message>
    <message>
        <source>Leader: scan member code or type phone</source>
        <translation>团长：扫会员码或输入手机号</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Open a group</source>
        <translation>开团</translation>
    </message>
    <message>
        <source>Not launched yet: the rules are published at launch.</source>
        <translation>尚未上线：活动规则在上线时公布。</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Not launched: the deal can still be changed</source>
        <translation>未上线：活动仍可修改</translation>
    </message>
    <message>
        <source>Launch this deal?</source>
        <translation>上线此活动？</translation>
    </message>
    <message>
        <source>Launch “{product}”? Its rules are published and can then only change in the customers' favour.</source>
        <translation>上线“{product}”？规则将公开，之后只能做对顾客有利的修改。</translation>
    </message>
    <message>
        <source>Launched: the rules are published and frozen</source>
        <translation>已上线：活动规则已公布并锁定</translation>
    </message>
    <message>
        <source>Scan the leader's member code or type the phone first</source>
        <translation>请先扫团长会员码或输入手机号</translation>
    </message>
    <message>
        <source>Group opened</source>
        <translation>已开团</translation>
    </message>
</context>
<context>
    <name>DrawerScreen</name>
    <message>
        <source>Open a shift: count the float into the drawer</source>
        <translation>开班：清点钱箱备用金</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <source>Type how many of each note and coin are in the drawer.</source>
        <translation>输入钱箱里每种面额的张数/枚数。</translation>
    </message>
    <message>
        <source>Count the float first (type 0 for an empty drawer)</source>
        <translation>请先清点备用金（钱箱为空请输入 0）</translation>
    </message>
    <message>
        <source>Shift {n} is open</source>
        <translation>班次 {n} 已开班</translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>取出现金</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>存入现金</translation>
    </message>
    <message>
        <source>Reason (bank drop, change float…)</source>
        <translation>原因（存银行、补零钱…）</translation>
    </message>
    <message>
        <source>Record the move</source>
        <translation>登记存取</translation>
    </message>
    <message>
        <source>Print X report</source>
        <translation>打印 X 报表</translation>
    </message>
    <message>
        <source>I take over this drawer</source>
        <translation>我接手这个钱箱</translation>
    </message>
    <message>
        <source>Count and close the shift…</source>
        <translation>点钞并交班…</translation>
    </message>
    <message>
        <source>Cash in or out of the drawer</source>
        <translation>钱箱存取现金</translation>
    </message>
    <message>
        <source>Shift {n} · opened {at} by {who} · cashier {cashier}</source>
        <translation>班次 {n} · {at} 由 {who} 开班 · 收银员 {cashier}</translation>
    </message>
    <message>
        <source>Expected in the drawer: {amount}</source>
        <translation>钱箱应有：{amount}</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <source>Recorded in the drawer</source>
        <translation>已记入钱箱</translation>
    </message>
    <message>
        <source>X report sent to the printer</source>
        <translation>X 报表已发送到打印机</translation>
    </message>
    <message>
        <source>{name} has the drawer now</source>
        <translation>现在由 {name} 负责钱箱</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unknown kind of settlement line.</source>
        <translation>未知的结算项目。</translation>
    </message>
    <message>
        <source>A period is a day, a week or a month.</source>
        <translation>结算周期只能是日、周或月。</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Welcome to Pinshang Counter</source>
        <translation>欢迎使用品尚收银台</translation>
    </message>
    <message>
        <source>Name your store and create the owner account. The owner can add managers and cashiers later.</source>
        <translation>请填写门店名称并创建店主账号。店主之后可添加经理和收银员。</translation>
    </message>
    <message>
        <source>Work offline for now (pair later on the Platform screen)</source>
        <translation>暂时离线使用（稍后在“平台”页面配对）</translation>
    </message>
    <message>
        <source>Pair with the platform now (a manager has the pairing code)</source>
        <translation>现在与平台配对（配对码由经理提供）</translation>
    </message>
    <message>
        <source>The store's data is kept in {folder}</source>
        <translation>本店数据保存在 {folder}</translation>
    </message>
    <message>
        <source>Create owner and start</source>
        <translation>创建店主并开始</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>Owner name</source>
        <translation>店主姓名</translation>
    </message>
    <message>
        <source>PIN (4–8 digits)</source>
        <translation>PIN（4–8 位数字）</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>确认 PIN</translation>
    </message>
    <message>
        <source>The two PINs differ</source>
        <translation>两次输入的 PIN 不一致</translation>
    </message>
    <message>
        <source>Enter the store's name</source>
        <translation>请输入门店名称</translation>
    </message>
    <message>
        <source>Creating the owner…</source>
        <translation>正在创建店主账户…</translation>
    </message>
</context>
<context>
    <name>GroupScreen</name>
    <message>
        <source>Scan member code or type phone, then Enter</source>
        <translation>扫会员码或输入手机号，然后回车</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>登记入团</translation>
    </message>
    <message>
        <source>Open a new group</source>
        <translation>开新团</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>开奖</translation>
    </message>
    <message>
        <source>Cancel group</source>
        <translation>取消此团</translation>
    </message>
    <message>
        <source>Export proof…</source>
        <translation>导出证明…</translation>
    </message>
    <message>
        <source>Print invite</source>
        <translation>打印邀请码</translation>
    </message>
    <message>
        <source>Reprint deposit slip (COPY)</source>
        <translation>重印押金单（副本）</translation>
    </message>
    <message>
        <source>New group of</source>
        <translation>开新团：</translation>
    </message>
    <message>
        <source>Reprint vouchers + draw slip (COPY)</source>
        <translation>重印兑换券和开奖单（副本）</translation>
    </message>
    <message>
        <source>Print vouchers + draw slip</source>
        <translation>打印兑换券和开奖单</translation>
    </message>
    <message>
        <source>Reprint refund slips (COPY)</source>
        <translation>重印退款单（副本）</translation>
    </message>
    <message>
        <source>Print refund slips</source>
        <translation>打印退款/安慰奖单</translation>
    </message>
    <message>
        <source>Scan the leader's member code or type the phone first</source>
        <translation>请先扫团长会员码或输入手机号</translation>
    </message>
    <message>
        <source>Group opened: scan the next person</source>
        <translation>已开团：请扫下一位</translation>
    </message>
    <message>
        <source>Winner: {names}. Losers refunded: see what to hand back.</source>
        <translation>中奖：{names}。未中奖者已退款：请按“应退给顾客”一栏退还。</translation>
    </message>
    <message>
        <source>Why is this group cancelled? Every deposit is refunded.</source>
        <translation>为什么取消此团？所有押金都会退还。</translation>
    </message>
    <message>
        <source>Cancel the group</source>
        <translation>取消此团</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>不取消</translation>
    </message>
    <message>
        <source>No groups yet: open one from a launched deal</source>
        <translation>还没有团：请从已上线的活动开团</translation>
    </message>
    <message>
        <source>{taken} / {size} seats</source>
        <translation>{taken} / {size} 人</translation>
    </message>
    <message>
        <source>Group {id} · fill by {deadline} · {k} winner(s)</source>
        <translation>团 {id} · 截止 {deadline} · {k} 人中奖</translation>
    </message>
    <message>
        <source>Commitment: {c}</source>
        <translation>承诺值：{c}</translation>
    </message>
    <message>
        <source>Seed (revealed): {s}</source>
        <translation>种子（已公开）：{s}</translation>
    </message>
    <message>
        <source>Voucher {code} valid until {date}</source>
        <translation>兑换券 {code} 有效期至 {date}</translation>
    </message>
    <message>
        <source>This group takes nobody: press {key} to open a new group with this leader</source>
        <translation>此团不能再报名：按 {key} 以此人为团长开新团</translation>
    </message>
    <message>
        <source>Group full: press Draw</source>
        <translation>已成团：请按“开奖”</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>已入团</translation>
    </message>
    <message>
        <source>Group cancelled: {amount} refunded</source>
        <translation>已取消此团：退款 {amount}</translation>
    </message>
    <message>
        <source>Export draw proof</source>
        <translation>导出开奖证明</translation>
    </message>
    <message>
        <source>Proof saved to {path}</source>
        <translation>证明已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>GroupsScreen</name>
    <message>
        <source>Run this group</source>
        <translation>进入此团</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>All deals</source>
        <translation>全部活动</translation>
    </message>
</context>
<context>
    <name>ItemPicker</name>
    <message>
        <source>Scan, or type: pinyin initials, name, barcode</source>
        <translation>扫码，或输入：拼音首字母、名称、条码</translation>
    </message>
    <message>
        <source>Nothing on the menu matches “{text}”</source>
        <translation>菜单中没有与“{text}”匹配的菜品</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>{store} · Staff login</source>
        <translation>{store} · 员工登录</translation>
    </message>
    <message>
        <source>Staff login</source>
        <translation>员工登录</translation>
    </message>
    <message>
        <source>Demo mode. PINs: {pins}</source>
        <translation>演示模式。PIN：{pins}</translation>
    </message>
    <message>
        <source>Choose your name first</source>
        <translation>请先选择您的姓名</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>正在核对 PIN…</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>正在打开门店…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Pinshang Counter</source>
        <translation>品尚收银台</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Member's phone</source>
        <translation>会员手机号</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>No member: scan their member code</source>
        <translation>无会员：请扫描会员码</translation>
    </message>
    <message>
        <source>Apply max coins</source>
        <translation>使用最多购物币</translation>
    </message>
    <message>
        <source>No member</source>
        <translation>不用会员</translation>
    </message>
    <message>
        <source>authorization of {n} coins</source>
        <translation>授权 {n} 个购物币</translation>
    </message>
    <message>
        <source>balance {n} coins</source>
        <translation>余额 {n} 个购物币</translation>
    </message>
    <message>
        <source>offline: coins only with their coin authorization QR</source>
        <translation>离线：只能用购物币授权码</translation>
    </message>
    <message>
        <source>coins: scan their member code or coin authorization</source>
        <translation>购物币：请扫描会员码或购物币授权码</translation>
    </message>
    <message>
        <source>this bill allows {n} coins</source>
        <translation>本单最多可用 {n} 个购物币</translation>
    </message>
    <message>
        <source>applied {n} coins (−{fen})</source>
        <translation>已用 {n} 个购物币（−{fen}）</translation>
    </message>
</context>
<context>
    <name>MenuItemDialog</name>
    <message>
        <source>Edit menu item</source>
        <translation>编辑菜品</translation>
    </message>
    <message>
        <source>New menu item</source>
        <translation>新增菜品</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Price (yuan)</source>
        <translation>售价（元）</translation>
    </message>
    <message>
        <source>Cost (yuan)</source>
        <translation>成本（元）</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <source>Search: name, English, pinyin initials (zpnc), barcode, SKU</source>
        <translation>搜索：名称、英文名、拼音首字母（如 zpnc）、条码、货号</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>新增菜品…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Take off sale / put on sale</source>
        <translation>停售 / 恢复在售</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>共 {count} 个菜品</translation>
    </message>
    <message>
        <source>Select an item first</source>
        <translation>请先选择一个菜品</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
    <message>
        <source>{name} is on sale again</source>
        <translation>{name} 已恢复在售</translation>
    </message>
    <message>
        <source>{name} is off sale</source>
        <translation>{name} 已停售</translation>
    </message>
    <message>
        <source>Import the menu from a CSV file</source>
        <translation>从 CSV 文件导入菜单</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <source>Imported {rows} rows: {added} added, {updated} changed, {unchanged} unchanged</source>
        <translation>已导入 {rows} 行：新增 {added}，修改 {updated}，未变 {unchanged}</translation>
    </message>
    <message>
        <source>Row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Export the menu to a CSV file</source>
        <translation>将菜单导出为 CSV 文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exported {count} items to {path}</source>
        <translation>已将 {count} 个菜品导出到 {path}</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>经理授权</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>经理 PIN</translation>
    </message>
    <message>
        <source>{name} needs a manager's approval for this action.</source>
        <translation>{name}执行此操作需要经理授权。</translation>
    </message>
    <message>
        <source>There is no manager to approve</source>
        <translation>没有可授权的经理</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>正在核对 PIN…</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <source>Pair with the platform</source>
        <translation>与平台配对</translation>
    </message>
    <message>
        <source>Counter 1</source>
        <translation>收银台 1</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>配对</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>配对码</translation>
    </message>
    <message>
        <source>Name of this terminal</source>
        <translation>本终端名称</translation>
    </message>
    <message>
        <source>Ask the platform for a one-time pairing code for this store.</source>
        <translation>请向平台申请本门店的一次性配对码。</translation>
    </message>
    <message>
        <source>Use https:// for a platform on the internet. http:// works only for this computer or the local network (192.168.x, 10.x, *.local).</source>
        <translation>互联网上的平台请使用 https://。http:// 只能用于本机或局域网（192.168.x、10.x、*.local）。</translation>
    </message>
    <message>
        <source>Pairing…</source>
        <translation>正在配对…</translation>
    </message>
    <message>
        <source>Paired with {store}</source>
        <translation>已与 {store} 配对</translation>
    </message>
</context>
<context>
    <name>PlatformScreen</name>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Sync is not available</source>
        <translation>同步不可用</translation>
    </message>
    <message>
        <source>Re-pair…</source>
        <translation>重新配对…</translation>
    </message>
    <message>
        <source>Pair…</source>
        <translation>配对…</translation>
    </message>
    <message>
        <source>{n} record(s) refused by the platform: see Needs attention</source>
        <translation>平台拒绝了 {n} 条记录：请查看“待处理事项”</translation>
    </message>
    <message>
        <source>None: the last sync at {time} went through</source>
        <translation>无：{time} 的同步已成功</translation>
    </message>
    <message>
        <source>None so far</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Paired with {store}</source>
        <translation>已与 {store} 配对</translation>
    </message>
</context>
<context>
    <name>PrintJobModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>For</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Queued at</source>
        <translation>排队时间</translation>
    </message>
    <message>
        <source>Why it failed</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <source>(copy)</source>
        <translation>（重印）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>PrintQueueScreen</name>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Reprint (marked COPY)</source>
        <translation>重印（标注“重印 COPY”）</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Select a print job first</source>
        <translation>请先选择一个打印任务</translation>
    </message>
    <message>
        <source>Printing job {id}…</source>
        <translation>正在打印任务 {id}…</translation>
    </message>
    <message>
        <source>Job {id} printed on {name}</source>
        <translation>任务 {id} 已在 {name} 打印</translation>
    </message>
</context>
<context>
    <name>PrinterForm</name>
    <message>
        <source>80 mm</source>
        <translation>80 毫米</translation>
    </message>
    <message>
        <source>58 mm</source>
        <translation>58 毫米</translation>
    </message>
    <message>
        <source>Printer's Chinese mode (GB18030)</source>
        <translation>打印机中文模式（GB18030）</translation>
    </message>
    <message>
        <source>Print Chinese as a picture (any printer)</source>
        <translation>中文按图片打印（适用任何打印机）</translation>
    </message>
    <message>
        <source>Printer's own QR command</source>
        <translation>打印机自带二维码指令</translation>
    </message>
    <message>
        <source>Print QR codes as a picture</source>
        <translation>二维码按图片打印</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接方式</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <source>Chinese text</source>
        <translation>中文文字</translation>
    </message>
    <message>
        <source>QR codes</source>
        <translation>二维码</translation>
    </message>
    <message>
        <source>Printer model profile</source>
        <translation>打印机型号配置</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Host or IP</source>
        <translation>主机名或 IP</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Vendor id (hex)</source>
        <translation>厂商 ID（十六进制）</translation>
    </message>
    <message>
        <source>Product id (hex)</source>
        <translation>产品 ID（十六进制）</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <source>Windows printer name</source>
        <translation>Windows 打印机名称</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>System printer (empty: default)</source>
        <translation>系统打印机（留空：默认打印机）</translation>
    </message>
    <message>
        <source>Folder for the PDF files</source>
        <translation>存放 PDF 文件的文件夹</translation>
    </message>
</context>
<context>
    <name>PrinterModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接方式</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>PrintersScreen</name>
    <message>
        <source>New printer</source>
        <translation>新增打印机</translation>
    </message>
    <message>
        <source>Save printer</source>
        <translation>保存打印机</translation>
    </message>
    <message>
        <source>Remove printer</source>
        <translation>删除打印机</translation>
    </message>
    <message>
        <source>Print test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <source>Preview test page</source>
        <translation>预览测试页</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Which printer prints what</source>
        <translation>哪台打印机打印什么</translation>
    </message>
    <message>
        <source>Each kind of document prints on the printer chosen here.</source>
        <translation>每种单据都在这里选定的打印机上打印。</translation>
    </message>
    <message>
        <source>— not printed —</source>
        <translation>— 不打印 —</translation>
    </message>
    <message>
        <source>Saved printer {name}</source>
        <translation>已保存打印机 {name}</translation>
    </message>
    <message>
        <source>Select a printer first</source>
        <translation>请先选择一台打印机</translation>
    </message>
    <message>
        <source>Printer removed</source>
        <translation>打印机已删除</translation>
    </message>
    <message>
        <source>{kind} now prints on {printer}</source>
        <translation>{kind}现在在 {printer} 打印</translation>
    </message>
    <message>
        <source>Save the printer first</source>
        <translation>请先保存打印机</translation>
    </message>
    <message>
        <source>Printing the test page on {name}…</source>
        <translation>正在 {name} 打印测试页…</translation>
    </message>
    <message>
        <source>Test page printed on {name}</source>
        <translation>测试页已在 {name} 打印</translation>
    </message>
</context>
<context>
    <name>ReconcileScreen</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Compare with the platform</source>
        <translation>与平台对账</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>结算单</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>{label}: {m} matched · {d} differ · {p} missing on the platform · {h} missing here</source>
        <translation>{label}：{m} 条一致 · {d} 条不一致 · 平台缺 {p} 条 · 本机缺 {h} 条</translation>
    </message>
    <message>
        <source>the platform pays the store</source>
        <translation>平台应付本店</translation>
    </message>
    <message>
        <source>the store pays the platform</source>
        <translation>本店应付平台</translation>
    </message>
    <message>
        <source>nothing to pay</source>
        <translation>无需支付</translation>
    </message>
    <message>
        <source> (closed)</source>
        <translation>（已结账）</translation>
    </message>
    <message>
        <source>Opening {o} · net {n}: {position} · closing {c}{closed}</source>
        <translation>期初 {o} · 本期净额 {n}：{position} · 期末 {c}{closed}</translation>
    </message>
    <message>
        <source>{what}: {detail}</source>
        <translation>{what}：{detail}</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>{items} · {paid} + {coins} in coins</source>
        <translation>{items} · {paid} + 购物币 {coins}</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Sync is not available</source>
        <translation>同步不可用</translation>
    </message>
    <message>
        <source>Asking the platform…</source>
        <translation>正在询问平台…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>RedeemScreen</name>
    <message>
        <source>Scan the voucher QR or type its code</source>
        <translation>扫描兑换券二维码或输入券码</translation>
    </message>
    <message>
        <source>Print a copy of the receipt</source>
        <translation>打印凭证副本</translation>
    </message>
    <message>
        <source>Ready: scan a voucher</source>
        <translation>就绪：请扫描兑换券</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <source>Winner {winner} · code {code} · receipt printed</source>
        <translation>中奖者 {winner} · 兑换码 {code} · 凭证已打印</translation>
    </message>
    <message>
        <source>Winner {winner} · code {code} · receipt not printed: see the notice</source>
        <translation>中奖者 {winner} · 兑换码 {code} · 凭证未打印：请看提示</translation>
    </message>
    <message>
        <source>✔ Redeemed: hand over {product}</source>
        <translation>✔ 兑换成功：请交付 {product}</translation>
    </message>
    <message>
        <source>✖ Already redeemed</source>
        <translation>✖ 已兑换过</translation>
    </message>
    <message>
        <source>✖ Expired</source>
        <translation>✖ 已过期</translation>
    </message>
    <message>
        <source>✖ Not for this store</source>
        <translation>✖ 非本店兑换券</translation>
    </message>
    <message>
        <source>✖ Forged or altered: do not accept</source>
        <translation>✖ 伪造或被篡改：请勿接受</translation>
    </message>
    <message>
        <source>✖ Signed after its terminal was revoked: do not accept</source>
        <translation>✖ 该券在其终端被吊销后签发：请勿接受</translation>
    </message>
    <message>
        <source>✖ Not a voucher we can read: scan again or type the code</source>
        <translation>✖ 无法识别的兑换券：请重扫或输入券码</translation>
    </message>
    <message>
        <source>✖ No voucher has this code</source>
        <translation>✖ 没有此券码的兑换券</translation>
    </message>
    <message>
        <source>Winner {winner} · code {code} · receipt printing</source>
        <translation>中奖者 {winner} · 兑换码 {code} · 正在打印凭证</translation>
    </message>
    <message>
        <source>{product} was redeemed on {when} at {terminal} by {staff}</source>
        <translation>{product} 已于 {when} 在 {terminal} 由 {staff} 兑换</translation>
    </message>
    <message>
        <source>{product}: valid until {date}</source>
        <translation>{product}：有效期至 {date}</translation>
    </message>
</context>
<context>
    <name>RedemptionsScreen</name>
    <message>
        <source>Code, product, staff…</source>
        <translation>券码、商品、员工…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>已核销</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>券码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Redeemed at</source>
        <translation>核销时间</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Why it is reversed</source>
        <translation>撤销原因</translation>
    </message>
    <message>
        <source>Reverse the selected redemption</source>
        <translation>撤销所选核销</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>{month}/{day}: {n}</source>
        <translation>{month}月{day}日：{n} 张</translation>
    </message>
    <message>
        <source>{n} redeemed</source>
        <translation>已核销 {n} 张</translation>
    </message>
    <message>
        <source>Reversed {at} by {who}: {why}</source>
        <translation>{at} 由 {who} 撤销：{why}</translation>
    </message>
    <message>
        <source>Choose a redemption that stands</source>
        <translation>请选择一条有效的核销记录</translation>
    </message>
    <message>
        <source>Say why it is reversed</source>
        <translation>请填写撤销原因</translation>
    </message>
    <message>
        <source>Reversed: the voucher can be redeemed again</source>
        <translation>已撤销：该券可再次核销</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Chosen days</source>
        <translation>自选日期</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Report to PDF…</source>
        <translation>报表导出 PDF…</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售记录</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Group deals</source>
        <translation>拼团</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>按日</translation>
    </message>
    <message>
        <source>By tender</source>
        <translation>按支付方式</translation>
    </message>
    <message>
        <source>Top items</source>
        <translation>畅销商品</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>{start} – {end}: {n} sales, {total} (average {average}) · {r} vouchers redeemed</source>
        <translation>{start} – {end}：{n} 笔销售，{total}（客单价 {average}）· 核销 {r} 张券</translation>
    </message>
    <message>
        <source>Coin discounts: {n} sales, {coins} coins, {fen}</source>
        <translation>购物币抵扣：{n} 笔，{coins} 币，{fen}</translation>
    </message>
    <message>
        <source>Sales that used coins</source>
        <translation>用购物币的销售（笔）</translation>
    </message>
    <message>
        <source>Coins taken</source>
        <translation>收下的购物币（币）</translation>
    </message>
    <message>
        <source>Coin discounts (¥)</source>
        <translation>购物币抵扣金额（元）</translation>
    </message>
    <message>
        <source>Share of the bills paid with coins</source>
        <translation>购物币占账单的比例</translation>
    </message>
    <message>
        <source>Groups opened</source>
        <translation>开团数</translation>
    </message>
    <message>
        <source>Groups filled</source>
        <translation>成团数</translation>
    </message>
    <message>
        <source>Groups drawn</source>
        <translation>开奖数</translation>
    </message>
    <message>
        <source>Groups expired</source>
        <translation>过期团数</translation>
    </message>
    <message>
        <source>Groups cancelled</source>
        <translation>取消团数</translation>
    </message>
    <message>
        <source>Deposits taken</source>
        <translation>收取押金</translation>
    </message>
    <message>
        <source>Deposits held now</source>
        <translation>当前在押押金</translation>
    </message>
    <message>
        <source>Consolation cash paid</source>
        <translation>已付安慰金</translation>
    </message>
    <message>
        <source>Vouchers redeemed</source>
        <translation>已核销券</translation>
    </message>
    <message>
        <source>Coin discounts</source>
        <translation>购物币抵扣</translation>
    </message>
    <message>
        <source>Sales by hour (¥)</source>
        <translation>分时销售（元）</translation>
    </message>
    <message>
        <source>Sales by day (¥)</source>
        <translation>每日销售（元）</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>开团</translation>
    </message>
    <message>
        <source>filled</source>
        <translation>成团</translation>
    </message>
    <message>
        <source>drawn</source>
        <translation>已开奖</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>团列表</translation>
    </message>
    <message>
        <source>Report to PDF</source>
        <translation>报表导出 PDF</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>SalesHistoryScreen</name>
    <message>
        <source>Scan or type a receipt number</source>
        <translation>扫描或输入小票号</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Any payment</source>
        <translation>任何付款方式</translation>
    </message>
    <message>
        <source>Coins used</source>
        <translation>用了购物币</translation>
    </message>
    <message>
        <source>Voided or not</source>
        <translation>作废与否</translation>
    </message>
    <message>
        <source>Not voided</source>
        <translation>未作废</translation>
    </message>
    <message>
        <source>Voided only</source>
        <translation>仅作废的</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Coins</source>
        <translation>购物币</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Refund qty</source>
        <translation>退货数量</translation>
    </message>
    <message>
        <source>Reason for a refund or void</source>
        <translation>退款或作废的原因</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>Refund chosen</source>
        <translation>退所选</translation>
    </message>
    <message>
        <source>Refund all</source>
        <translation>全部退款</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Refunded {fen}</source>
        <translation>已退 {fen}</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>No sale chosen</source>
        <translation>未选择销售</translation>
    </message>
    <message>
        <source>{n} coins −{fen}</source>
        <translation>购物币 {n} 个 −{fen}</translation>
    </message>
    <message>
        <source>change {fen}</source>
        <translation>找零 {fen}</translation>
    </message>
    <message>
        <source>{no}: {fen} back ({reason})</source>
        <translation>{no}：退 {fen}（{reason}）</translation>
    </message>
    <message>
        <source>Choose how many of which lines to refund</source>
        <translation>请选择要退哪几行、各退几份</translation>
    </message>
    <message>
        <source> · {n} coins back to the member</source>
        <translation> · 退还会员 {n} 个购物币</translation>
    </message>
    <message>
        <source>{no}: give back {back}{coins}</source>
        <translation>{no}：退给顾客 {back}{coins}</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>About Pinshang Counter…</source>
        <translation>关于品尚收银台…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>SettlementModel</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Pinshang Counter</source>
        <translation>品尚收银台</translation>
    </message>
    <message>
        <source>Cannot log out</source>
        <translation>无法退出登录</translation>
    </message>
</context>
<context>
    <name>ShiftCloseScreen</name>
    <message>
        <source>Close the shift: count the drawer</source>
        <translation>交班：清点钱箱</translation>
    </message>
    <message>
        <source>Why the drawer is off (needed beyond the limit)</source>
        <translation>钱箱差异原因（超出限额时必填）</translation>
    </message>
    <message>
        <source>Close shift and print the Z report</source>
        <translation>交班并打印 Z 报表</translation>
    </message>
    <message>
        <source>Print the Z report again</source>
        <translation>重新打印 Z 报表</translation>
    </message>
    <message>
        <source>No shift is open</source>
        <translation>当前没有开班</translation>
    </message>
    <message>
        <source>Expected {amount}</source>
        <translation>应有 {amount}</translation>
    </message>
    <message>
        <source>Counted: not yet</source>
        <translation>实点：尚未清点</translation>
    </message>
    <message>
        <source>Counted {amount}</source>
        <translation>实点 {amount}</translation>
    </message>
    <message>
        <source>Even</source>
        <translation>无差异</translation>
    </message>
    <message>
        <source>Over {amount}</source>
        <translation>长款 {amount}</translation>
    </message>
    <message>
        <source>Short {amount}</source>
        <translation>短款 {amount}</translation>
    </message>
    <message>
        <source>Count the drawer first (type 0 where there is none)</source>
        <translation>请先点钞（没有的面额输入 0）</translation>
    </message>
    <message>
        <source>The drawer is off by more than {limit}: say why</source>
        <translation>钱箱差异超过 {limit}：请说明原因</translation>
    </message>
    <message>
        <source>Shift closed: Z report #{n}</source>
        <translation>已交班：Z 报表 #{n}</translation>
    </message>
    <message>
        <source>not printed: {why}</source>
        <translation>未打印：{why}</translation>
    </message>
    <message>
        <source>Z report sent to the printer</source>
        <translation>Z 报表已发送到打印机</translation>
    </message>
    <message>
        <source>Gave ¥3.50 too much change</source>
        <translation>多找零 ¥3.50</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <source>Add staff member</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <source>Deactivate / reactivate</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>Set new PIN…</source>
        <translation>设置新 PIN…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Select a staff member first</source>
        <translation>请先选择员工</translation>
    </message>
    <message>
        <source>Added {name}</source>
        <translation>已添加{name}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新 PIN</translation>
    </message>
    <message>
        <source>New PIN (4–8 digits)</source>
        <translation>新 PIN（4–8 位数字）</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>PIN 已更改</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
</context>
<context>
    <name>TenderDialog</name>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Amount received ¥</source>
        <translation>收款金额 ¥</translation>
    </message>
    <message>
        <source>Reference (optional)</source>
        <translation>交易号（可选）</translation>
    </message>
    <message>
        <source>Add payment</source>
        <translation>添加付款</translation>
    </message>
    <message>
        <source>Remove payment</source>
        <translation>删除付款</translation>
    </message>
    <message>
        <source>Complete sale</source>
        <translation>完成交易</translation>
    </message>
    <message>
        <source>Back to the bill</source>
        <translation>返回账单</translation>
    </message>
    <message>
        <source>Type the amount paid</source>
        <translation>请输入付款金额</translation>
    </message>
    <message>
        <source>Card and app payments cannot be more than what is due: only cash gives change</source>
        <translation>刷卡和移动支付不能超过应付金额：只有现金可以找零</translation>
    </message>
    <message>
        <source>Change {fen}</source>
        <translation>找零 {fen}</translation>
    </message>
    <message>
        <source>Bill {fen}</source>
        <translation>应收 {fen}</translation>
    </message>
    <message>
        <source>Received {fen}</source>
        <translation>已收 {fen}</translation>
    </message>
    <message>
        <source>Still due {fen}</source>
        <translation>还差 {fen}</translation>
    </message>
    <message>
        <source>Completing the sale…</source>
        <translation>正在完成交易…</translation>
    </message>
    <message>
        <source>Taking the coins on the platform…</source>
        <translation>正在平台扣除购物币…</translation>
    </message>
</context>
<context>
    <name>_Table</name>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
</context>
<context>
    <name>attention</name>
    <message>
        <source>The platform will never accept this record. Check it against the paper records, correct it at the counter if needed (e.g. a new sale), then mark it resolved.</source>
        <translation>平台永远不会接受这条记录。请与纸质记录核对，如有需要在收银台更正（例如重新开一笔销售），然后标记为已处理。</translation>
    </message>
    <message>
        <source>Another terminal redeemed this voucher first; the platform kept that one. Check with the customer and the staff who served them; if the product was given twice, record it as a loss, then mark this resolved.</source>
        <translation>另一台终端先核销了这张券，平台以那次为准。请与顾客及当时服务的员工核实；如果商品发放了两次，请记为损耗，然后标记为已处理。</translation>
    </message>
    <message>
        <source>The platform does not know the member this sale names, so no alliance share is due for it. Check the member on the receipt with the staff who rang it up; if it was a mistake, nothing else is needed. Then mark this resolved.</source>
        <translation>平台不认识这笔销售上的会员，因此这笔销售不产生联盟分成。请与收银的员工核对小票上的会员；如果是录错了，无需其他处理。然后标记为已处理。</translation>
    </message>
    <message>
        <source>The platform's figures differ from this Z report. Compare the Z report with the sales history of that shift and the platform's reconciliation, then mark this resolved.</source>
        <translation>平台的数字与这份 Z 报表不一致。请把 Z 报表与该班次的销售记录和平台对账核对，然后标记为已处理。</translation>
    </message>
    <message>
        <source>The platform holds a longer audit history of this terminal than the one it now sent: the terminal's data was restored from an older copy, or replaced. Find out which copy of the data this counter runs on and why, then mark this resolved.</source>
        <translation>平台保存的本终端审计记录比本终端现在发送的更长：本终端的数据已从较旧的备份恢复，或被替换。请查明本柜台正在使用哪一份数据及其原因，然后标记为已处理。</translation>
    </message>
    <message>
        <source>This terminal's data was restored from an older copy. The records made since then were renumbered and sent; nothing was lost from this terminal. Records made on the lost data after the copy was taken are on the platform only: compare the day's paper records with the platform's reconciliation, then mark this resolved.</source>
        <translation>本终端的数据已从较旧的备份恢复。此后产生的记录已重新编号并发送，本终端没有丢失任何记录。备份之后在丢失的数据上产生的记录只保存在平台上：请将当天的纸质记录与平台对账核对，然后标记为已处理。</translation>
    </message>
    <message>
        <source>The platform's data was restored from an older copy and had lost records of this terminal. The records this terminal still keeps were sent again. If some could not be sent (see the reason), enter them again from the paper records, then mark this resolved.</source>
        <translation>平台的数据已从较旧的备份恢复，丢失了本终端的部分记录。本终端仍保存的记录已重新发送。如有记录无法重新发送（见原因），请根据纸质记录重新录入，然后标记为已处理。</translation>
    </message>
</context>
<context>
    <name>catalogue</name>
    <message>
        <source>(no category)</source>
        <translation>（未分类）</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The deal ends too far in the future</source>
        <translation>活动结束时间距今过远</translation>
    </message>
    <message>
        <source>The product needs a name</source>
        <translation>请填写商品名称</translation>
    </message>
    <message>
        <source>The product name is longer than {max} characters</source>
        <translation>商品名称超过 {max} 个字符</translation>
    </message>
    <message>
        <source>The draw method must be stated</source>
        <translation>必须注明开奖方式</translation>
    </message>
    <message>
        <source>market value</source>
        <translation>市场价值</translation>
    </message>
    <message>
        <source>product cost</source>
        <translation>商品成本</translation>
    </message>
    <message>
        <source>group price</source>
        <translation>拼团价</translation>
    </message>
    <message>
        <source>leader reward</source>
        <translation>团长奖励</translation>
    </message>
    <message>
        <source>consolation cash</source>
        <translation>安慰奖现金</translation>
    </message>
    <message>
        <source>consolation coins</source>
        <translation>安慰奖购物币</translation>
    </message>
    <message>
        <source>formation reward</source>
        <translation>成团奖励</translation>
    </message>
    <message>
        <source>promotion budget</source>
        <translation>推广预算</translation>
    </message>
    <message>
        <source>The {what} cannot be negative</source>
        <translation>{what}不能为负数</translation>
    </message>
    <message>
        <source>The group price must be more than zero</source>
        <translation>拼团价必须大于零</translation>
    </message>
    <message>
        <source>A leader reward needs the leader to be excluded from the draw</source>
        <translation>设置团长奖励时，团长不能参与抽奖</translation>
    </message>
    <message>
        <source>A group needs at least 2 people</source>
        <translation>成团至少需要 2 人</translation>
    </message>
    <message>
        <source>A draw needs at least 1 winner</source>
        <translation>开奖至少需要 1 名中签者</translation>
    </message>
    <message>
        <source>There must be fewer winners ({k}) than people ({n})</source>
        <translation>中签人数（{k}）必须少于成团人数（{n}）</translation>
    </message>
    <message>
        <source>With the leader excluded, at most {m} of {n} people can win</source>
        <translation>团长不参与抽奖时，{n} 人中最多 {m} 人中签</translation>
    </message>
    <message>
        <source>The fill deadline must be between now and 30 days</source>
        <translation>成团截止时间必须在 30 天以内</translation>
    </message>
    <message>
        <source>maximum of open groups</source>
        <translation>同时开团上限</translation>
    </message>
    <message>
        <source>per-member limit</source>
        <translation>每人限参次数</translation>
    </message>
    <message>
        <source>redemption period in days</source>
        <translation>核销有效天数</translation>
    </message>
    <message>
        <source>The {what} must be at least 1</source>
        <translation>{what}至少为 1</translation>
    </message>
    <message>
        <source>The per-member limit cannot exceed the group size</source>
        <translation>每人限额不能超过成团人数</translation>
    </message>
    <message>
        <source>The redemption period is longer than 10 years</source>
        <translation>核销有效期超过 10 年</translation>
    </message>
    <message>
        <source>The {what} must be a whole number</source>
        <translation>{what}必须为整数</translation>
    </message>
    <message>
        <source>The draw seed must be 32 bytes</source>
        <translation>开奖种子必须为 32 字节</translation>
    </message>
    <message>
        <source>Entry id “{id}” is empty or not unique</source>
        <translation>参与编号“{id}”为空或重复</translation>
    </message>
    <message>
        <source>Entry {id} has a bad nonce</source>
        <translation>参与记录 {id} 的 nonce 无效</translation>
    </message>
    <message>
        <source>The number of winners must be between 1 and {m}</source>
        <translation>中签人数必须在 1 到 {m} 之间</translation>
    </message>
    <message>
        <source>The draw proof checks out: winners {winners}</source>
        <translation>开奖证明校验通过：中签者 {winners}</translation>
    </message>
    <message>
        <source>The proof is not UTF-8 text</source>
        <translation>证明不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>The proof is not valid JSON</source>
        <translation>证明不是有效的 JSON</translation>
    </message>
    <message>
        <source>The proof must be a JSON object</source>
        <translation>证明必须是 JSON 对象</translation>
    </message>
    <message>
        <source>Wrong version {found!r}: this checker knows {expected}</source>
        <translation>版本 {found!r} 不正确：本校验器支持 {expected}</translation>
    </message>
    <message>
        <source>The beacon is signed under the key {found}, not the platform's key {expected}</source>
        <translation>信标由密钥 {found} 签名，不是平台的密钥 {expected}</translation>
    </message>
    <message>
        <source>The beacon is not the platform key's signature over this group, commitment and entries</source>
        <translation>信标不是平台密钥对本团、承诺值和参与名单的签名</translation>
    </message>
    <message>
        <source>The field “{field}” must be {digits} lower-case hex digits ({size} bytes)</source>
        <translation>“{field}”必须是 {digits} 位小写十六进制数字（{size} 字节）</translation>
    </message>
    <message>
        <source>The field “{field}” is missing</source>
        <translation>缺少字段“{field}”</translation>
    </message>
    <message>
        <source>The field “{field}” must be {kind}</source>
        <translation>字段“{field}”必须是 {kind}</translation>
    </message>
    <message>
        <source>Unexpected field “{field}”</source>
        <translation>存在多余字段“{field}”</translation>
    </message>
    <message>
        <source>Every winner must be an entry id string</source>
        <translation>每个中签者都必须是参与编号字符串</translation>
    </message>
    <message>
        <source>The seed must be 64 lower-case hex digits (32 bytes)</source>
        <translation>种子必须为 64 位小写十六进制数（32 字节）</translation>
    </message>
    <message>
        <source>Commitment mismatch: SHA-256 of the seed is {actual}, the proof's commitment is {published}</source>
        <translation>承诺值不符：种子的 SHA-256 为 {actual}，证明中的承诺值为 {published}</translation>
    </message>
    <message>
        <source>Duplicate entry id “{id}”</source>
        <translation>参与编号“{id}”重复</translation>
    </message>
    <message>
        <source>Entry {n} must be an object with entry_id, nonce and eligible</source>
        <translation>第 {n} 条参与记录必须是包含 entry_id、nonce 和 eligible 的对象</translation>
    </message>
    <message>
        <source>Entry {n} has an empty or non-string entry_id</source>
        <translation>第 {n} 条参与记录的 entry_id 为空或不是字符串</translation>
    </message>
    <message>
        <source>Entry {id}: eligible must be true or false</source>
        <translation>参与记录 {id}：eligible 必须为 true 或 false</translation>
    </message>
    <message>
        <source>Entry {id} has a bad nonce: it must be lower-case hex of at least 16 bytes</source>
        <translation>参与记录 {id} 的 nonce 无效：必须为至少 16 字节的小写十六进制数</translation>
    </message>
    <message>
        <source>k is {k}, out of range: it must be between 1 and the {m} eligible entries</source>
        <translation>k 为 {k}，超出范围：必须在 1 到有效参与数 {m} 之间</translation>
    </message>
    <message>
        <source>Winner {i} differs: expected {expected}, the proof says {found}</source>
        <translation>第 {i} 位中签者不一致：应为 {expected}，证明中为 {found}</translation>
    </message>
    <message>
        <source>Wrong number of winners: the proof lists {found}, k is {k}</source>
        <translation>中签人数不符：证明中列出 {found} 名，k 为 {k}</translation>
    </message>
    <message>
        <source>group full</source>
        <translation>团已满</translation>
    </message>
    <message>
        <source>member limit reached</source>
        <translation>已达每人限额</translation>
    </message>
    <message>
        <source>group not open</source>
        <translation>团未开放</translation>
    </message>
    <message>
        <source>A group that is {state} cannot {event}</source>
        <translation>状态为{state}的团不能{event}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>拼团中</translation>
    </message>
    <message>
        <source>full</source>
        <translation>已满员</translation>
    </message>
    <message>
        <source>drawn</source>
        <translation>已开奖</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>已结算</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>fill</source>
        <translation>满员</translation>
    </message>
    <message>
        <source>draw</source>
        <translation>开奖</translation>
    </message>
    <message>
        <source>settle</source>
        <translation>结算</translation>
    </message>
    <message>
        <source>expire</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The group is {state}: nobody can join</source>
        <translation>该团状态为{state}，无法参团</translation>
    </message>
    <message>
        <source>The group is full</source>
        <translation>该团已满员</translation>
    </message>
    <message>
        <source>This member already holds {count} of {limit} allowed seats</source>
        <translation>该会员已占 {count} 个名额（上限 {limit} 个）</translation>
    </message>
    <message>
        <source>A transfer amount must be positive</source>
        <translation>转账金额必须大于零</translation>
    </message>
    <message>
        <source>A transfer needs two different accounts</source>
        <translation>转账需要两个不同的账户</translation>
    </message>
    <message>
        <source>Only post and void name a pending transfer</source>
        <translation>只有确认和作废操作才能指定待处理转账</translation>
    </message>
    <message>
        <source>Transfer {id} exists already</source>
        <translation>转账 {id} 已存在</translation>
    </message>
    <message>
        <source>No pending transfer {id}</source>
        <translation>没有待处理转账 {id}</translation>
    </message>
    <message>
        <source>Pending transfer {id} was already posted or voided</source>
        <translation>待处理转账 {id} 已被确认或作废</translation>
    </message>
    <message>
        <source>Post or void must match its pending transfer</source>
        <translation>确认或作废必须与对应的待处理转账一致</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money, e.g. 12.50</source>
        <translation>“{text}”不是有效金额，例如 12.50</translation>
    </message>
    <message>
        <source>The amount cannot be negative</source>
        <translation>金额不能为负数</translation>
    </message>
    <message>
        <source>“{text}” is not a percentage, e.g. 12.5%</source>
        <translation>“{text}”不是有效百分比，例如 12.5%</translation>
    </message>
    <message>
        <source>A rate must be between 0% and 100%</source>
        <translation>比例必须在 0% 到 100% 之间</translation>
    </message>
    <message>
        <source>The amount is too large</source>
        <translation>金额过大</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits</source>
        <translation>PIN 为 4 到 8 位数字</translation>
    </message>
    <message>
        <source>A name is 1 to 64 characters</source>
        <translation>名称为 1 到 64 个字符</translation>
    </message>
    <message>
        <source>A QR code needs 1 to {limit} bytes of content, got {size}</source>
        <translation>QR 码内容须为 1 到 {limit} 字节，实际为 {size}</translation>
    </message>
    <message>
        <source>No Chinese font was found. Install one (e.g. fonts-wqy-microhei or Noto Sans CJK) or put a .ttf/.ttc file in {folder}</source>
        <translation>未找到中文字体。请安装中文字体（如 fonts-wqy-microhei 或 Noto Sans CJK），或将 .ttf/.ttc 文件放入 {folder}</translation>
    </message>
    <message>
        <source>Paper width must be 58 or 80 mm (or 105 for A6), got {width}</source>
        <translation>纸宽必须为 58 或 80 mm（A6 为 105），实际为 {width}</translation>
    </message>
    <message>
        <source>{what} must be a whole number of at least zero</source>
        <translation>{what}必须为不小于零的整数</translation>
    </message>
    <message>
        <source>The number of winners must be between 1 and {pool}</source>
        <translation>中签人数必须在 1 到 {pool} 之间</translation>
    </message>
    <message>
        <source>A draw slip needs at least one winner</source>
        <translation>开奖小票至少需要一名中签者</translation>
    </message>
    <message>
        <source>A receipt needs at least one item</source>
        <translation>小票至少需要一件商品</translation>
    </message>
    <message>
        <source>Coins cannot pay more than the subtotal of {subtotal}</source>
        <translation>购物币抵扣不能超过小计 {subtotal}</translation>
    </message>
    <message>
        <source>{name} may not do this ({permission}); ask a manager</source>
        <translation>{name}无权执行此操作（{permission}），请找经理</translation>
    </message>
    <message>
        <source>This store already has an owner</source>
        <translation>本店已有店主</translation>
    </message>
    <message>
        <source>There is already a staff member called {name}</source>
        <translation>已有名为{name}的员工</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself</source>
        <translation>不能停用自己</translation>
    </message>
    <message>
        <source>{name} is no longer active</source>
        <translation>{name}已停用</translation>
    </message>
    <message>
        <source>Wrong PIN. {left} tries left before a lock of {minutes} min.</source>
        <translation>PIN 错误。再错 {left} 次将锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>{name} may not approve this</source>
        <translation>{name}无权授权此操作</translation>
    </message>
    <message>
        <source>Only an owner can manage an owner or a higher role</source>
        <translation>只有店主才能管理店主或更高角色</translation>
    </message>
    <message>
        <source>{name} is locked after 5 wrong PINs until {until}</source>
        <translation>{name}因连续 5 次 PIN 错误已被锁定，{until} 解锁</translation>
    </message>
    <message>
        <source>No such staff member</source>
        <translation>没有该员工</translation>
    </message>
    <message>
        <source>The database {path} was made by a newer version of Pinshang Counter (schema {revision}). Update the app to open it.</source>
        <translation>数据库 {path} 由更新版本的品尚收银台创建（结构版本 {revision}）。请升级应用后再打开。</translation>
    </message>
    <message>
        <source>The database {path} is damaged or not a Pinshang database. Restore it from a backup or choose another data folder.</source>
        <translation>数据库 {path} 已损坏或不是品尚数据库。请从备份恢复，或选择其他数据文件夹。</translation>
    </message>
    <message>
        <source>Cannot write to {path}. Check the folder's permissions or choose another data folder.</source>
        <translation>无法写入 {path}。请检查文件夹权限，或选择其他数据文件夹。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again.</source>
        <translation>磁盘已满。请清理空间后重试。</translation>
    </message>
    <message>
        <source>The disk reported an error while writing {path}. Check the disk, then try again.</source>
        <translation>写入 {path} 时磁盘报错。请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>The database is busy. Try again in a moment.</source>
        <translation>数据库繁忙，请稍后重试。</translation>
    </message>
    <message>
        <source>Cannot open the database {path}: {detail}</source>
        <translation>无法打开数据库 {path}：{detail}</translation>
    </message>
    <message>
        <source>The prize is worth {value}; a lottery prize may not exceed {cap}</source>
        <translation>奖品价值 {value}，抽奖奖品价值不得超过 {cap}</translation>
    </message>
    <message>
        <source>The consolation coins are worth {worth}, more than the group price {price}</source>
        <translation>安慰购物币价值 {worth}，超过了拼团价 {price}</translation>
    </message>
    <message>
        <source>“{field}” cannot change from {before} to {after} after launch: only changes in the customer's favour are allowed</source>
        <translation>活动发布后，“{field}”不能从 {before} 改为 {after}：只允许对顾客有利的修改</translation>
    </message>
    <message>
        <source>The disclosure needs the {what}</source>
        <translation>活动公示须包含{what}</translation>
    </message>
    <message>
        <source>store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>organiser's contact</source>
        <translation>主办方联系方式</translation>
    </message>
    <message>
        <source>draw time</source>
        <translation>开奖时间</translation>
    </message>
    <message>
        <source>redemption place</source>
        <translation>核销地点</translation>
    </message>
    <message>
        <source>Each seat needs its own entry and hold</source>
        <translation>每个名额都需要独立的参与记录和押金冻结</translation>
    </message>
    <message>
        <source>Every seat must have paid a deposit</source>
        <translation>每个名额都必须已付押金</translation>
    </message>
    <message>
        <source>A group has only one leader</source>
        <translation>一个团只能有一位团长</translation>
    </message>
    <message>
        <source>Only a full group is settled: {taken} of {n} seats</source>
        <translation>只有满团才能结算：已占 {taken}/{n} 个名额</translation>
    </message>
    <message>
        <source>The excluded leader's seat is missing</source>
        <translation>缺少不参与抽奖的团长名额</translation>
    </message>
    <message>
        <source>The draw must have {k} different winners</source>
        <translation>开奖必须产生 {k} 名不同的中签者</translation>
    </message>
    <message>
        <source>Winner {id} is not an eligible seat of this group</source>
        <translation>中签者 {id} 不是本团可参与抽奖的名额</translation>
    </message>
    <message>
        <source>Valid voucher</source>
        <translation>券有效</translation>
    </message>
    <message>
        <source>This voucher has expired</source>
        <translation>此券已过期</translation>
    </message>
    <message>
        <source>This voucher belongs to another store</source>
        <translation>此券属于其他门店</translation>
    </message>
    <message>
        <source>This voucher is forged or altered: do not accept it</source>
        <translation>此券系伪造或已被篡改，请勿接受</translation>
    </message>
    <message>
        <source>Signed after its terminal's key was retired or revoked: do not accept it</source>
        <translation>该券在其终端密钥停用或吊销后签发：请勿接受</translation>
    </message>
    <message>
        <source>This code cannot be read as a voucher</source>
        <translation>此码无法识别为核销券</translation>
    </message>
    <message>
        <source>The voucher's key id is not the signing key's</source>
        <translation>券的密钥 ID 与签名密钥不符</translation>
    </message>
    <message>
        <source>The {what} must be {n} lower-case hex digits</source>
        <translation>{what}必须为 {n} 位小写十六进制数</translation>
    </message>
    <message>
        <source>Voucher times need a time zone</source>
        <translation>券上的时间须带时区</translation>
    </message>
    <message>
        <source>Voucher time out of range</source>
        <translation>券上的时间超出范围</translation>
    </message>
    <message>
        <source>“{text}” must be 1 to 255 bytes long on a voucher</source>
        <translation>券上的“{text}”长度必须为 1 到 255 字节</translation>
    </message>
    <message>
        <source>Internal error ({kind}); it was logged</source>
        <translation>内部错误（{kind}），已记录日志</translation>
    </message>
    <message>
        <source>No printer is set up for “{kind}”; choose one in Printers</source>
        <translation>“{kind}”还没有设置打印机；请在“打印机”中选择</translation>
    </message>
    <message>
        <source>Printer “{name}” is switched off in Printers</source>
        <translation>打印机“{name}”已在“打印机”中停用</translation>
    </message>
    <message>
        <source>System printers can only be used from the app window</source>
        <translation>系统打印机只能在程序窗口中使用</translation>
    </message>
    <message>
        <source>Cannot use the folder {path}: {reason}</source>
        <translation>无法使用文件夹 {path}：{reason}</translation>
    </message>
    <message>
        <source>Printer settings: {problem}</source>
        <translation>打印机设置有误：{problem}</translation>
    </message>
    <message>
        <source>paper must be 58 or 80 mm</source>
        <translation>纸宽须为 58 或 80 毫米</translation>
    </message>
    <message>
        <source>Chinese mode must be gb18030 or image</source>
        <translation>中文模式须为 gb18030 或图片</translation>
    </message>
    <message>
        <source>QR mode must be native or image</source>
        <translation>二维码模式须为打印机指令或图片</translation>
    </message>
    <message>
        <source>unknown connection kind</source>
        <translation>未知的连接方式</translation>
    </message>
    <message>
        <source>the timeout must be positive</source>
        <translation>超时时间须大于零</translation>
    </message>
    <message>
        <source>the network printer needs a host</source>
        <translation>网络打印机需要填写主机地址</translation>
    </message>
    <message>
        <source>the port must be 1 to 65535</source>
        <translation>端口须在 1 到 65535 之间</translation>
    </message>
    <message>
        <source>the USB printer needs a vendor id</source>
        <translation>USB 打印机需要填写厂商 ID</translation>
    </message>
    <message>
        <source>the serial printer needs a device</source>
        <translation>串口打印机需要填写设备</translation>
    </message>
    <message>
        <source>choose a Windows printer</source>
        <translation>请选择一台 Windows 打印机</translation>
    </message>
    <message>
        <source>Unknown printer profile “{profile}”</source>
        <translation>未知打印机配置“{profile}”</translation>
    </message>
    <message>
        <source>Printer “{name}” at {address} did not print: {reason}</source>
        <translation>打印机“{name}”（{address}）未能打印：{reason}</translation>
    </message>
    <message>
        <source>the connection was refused (is the printer on and is the port right?)</source>
        <translation>连接被拒绝（打印机是否开机？端口是否正确？）</translation>
    </message>
    <message>
        <source>no answer in time (check the network and the printer's address)</source>
        <translation>打印机未及时响应（请检查网络和打印机地址）</translation>
    </message>
    <message>
        <source>the printer's address cannot be reached</source>
        <translation>无法连接到打印机地址</translation>
    </message>
    <message>
        <source>the host name is unknown</source>
        <translation>主机名无法识别</translation>
    </message>
    <message>
        <source>no such device (is it plugged in and switched on?)</source>
        <translation>找不到设备（是否已连接并开机？）</translation>
    </message>
    <message>
        <source>the printer is out of paper</source>
        <translation>打印机缺纸</translation>
    </message>
    <message>
        <source>USB printing needs the pyusb package and libusb</source>
        <translation>USB 打印需要 pyusb 和 libusb</translation>
    </message>
    <message>
        <source>serial printing needs the pyserial package</source>
        <translation>串口打印需要 pyserial</translation>
    </message>
    <message>
        <source>Windows raw printing needs pywin32 (Windows only)</source>
        <translation>Windows 原始打印需要 pywin32（仅限 Windows）</translation>
    </message>
    <message>
        <source>the printer closed the connection</source>
        <translation>打印机断开了连接</translation>
    </message>
    <message>
        <source>No Chinese font could be loaded for printing</source>
        <translation>无法加载打印用的中文字体</translation>
    </message>
    <message>
        <source>Could not write the picture to {path}</source>
        <translation>无法将图片写入 {path}</translation>
    </message>
    <message>
        <source>Could not write the PDF to {path}</source>
        <translation>无法将 PDF 写入 {path}</translation>
    </message>
    <message>
        <source>The printer “{name}” is not available</source>
        <translation>打印机“{name}”不可用</translation>
    </message>
    <message>
        <source>Unknown template “{name}”; choose one of {names}</source>
        <translation>未知模板“{name}”，请从 {names} 中选择</translation>
    </message>
    <message>
        <source>Cannot write “{suffix}” files; use .png, .pdf or .bin</source>
        <translation>无法写入“{suffix}”文件，请使用 .png、.pdf 或 .bin</translation>
    </message>
    <message>
        <source>ESC/POS output is for 58 or 80 mm thermal paper</source>
        <translation>ESC/POS 输出仅适用于 58 或 80 mm 热敏纸</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>The stored print document is damaged: {reason}</source>
        <translation>保存的打印单据已损坏：{reason}</translation>
    </message>
    <message>
        <source>There is no attention item {id}</source>
        <translation>没有编号为 {id} 的待处理事项</translation>
    </message>
    <message>
        <source>This item was already resolved by {name}</source>
        <translation>此事项已由 {name} 处理</translation>
    </message>
    <message>
        <source>This deal is launched already</source>
        <translation>此活动已上线</translation>
    </message>
    <message>
        <source>Only a launched deal is amended</source>
        <translation>只有已上线的活动才能修改</translation>
    </message>
    <message>
        <source>A launched deal cannot be edited as a draft: amend it</source>
        <translation>已上线的活动不能按草稿编辑，请使用“修改”</translation>
    </message>
    <message>
        <source>There is no deal {id}</source>
        <translation>没有活动 {id}</translation>
    </message>
    <message>
        <source>Group {id} has not been drawn yet</source>
        <translation>团 {id} 尚未开奖</translation>
    </message>
    <message>
        <source>The platform's beacon does not match this group's entries: draw again</source>
        <translation>平台信标与本团参与名单不符：请重新开奖</translation>
    </message>
    <message>
        <source>“{text}” is neither a member code nor a mobile phone number</source>
        <translation>“{text}”既不是会员码，也不是手机号</translation>
    </message>
    <message>
        <source>Unknown tender {tender}</source>
        <translation>未知的支付方式 {tender}</translation>
    </message>
    <message>
        <source>The group's deadline has passed: nobody can join</source>
        <translation>此团已过截止时间，不能再加入</translation>
    </message>
    <message>
        <source>There is no group {id}</source>
        <translation>没有团 {id}</translation>
    </message>
    <message>
        <source>Only a launched deal can open groups</source>
        <translation>只有已上线的活动才能开团</translation>
    </message>
    <message>
        <source>This deal already has {count} open groups, its maximum</source>
        <translation>此活动已有 {count} 个进行中的团，已达上限</translation>
    </message>
    <message>
        <source>Interrupted (the app closed while printing): check the paper, then Retry or Reprint</source>
        <translation>已中断（打印时程序关闭）：请检查纸张，然后重试或重印</translation>
    </message>
    <message>
        <source>A print reference is at most {limit} characters</source>
        <translation>打印单据编号最多 {limit} 个字符</translation>
    </message>
    <message>
        <source>There is no print job number {id}</source>
        <translation>没有编号为 {id} 的打印任务</translation>
    </message>
    <message>
        <source>Print job {id} is {status}, not {wanted}</source>
        <translation>打印任务 {id} 的状态是 {status}，不是 {wanted}</translation>
    </message>
    <message>
        <source>There is already a printer named “{name}”</source>
        <translation>已有名为“{name}”的打印机</translation>
    </message>
    <message>
        <source>Unknown kind of document “{kind}”</source>
        <translation>未知的单据类型“{kind}”</translation>
    </message>
    <message>
        <source>There is no printer number {id}</source>
        <translation>没有编号为 {id} 的打印机</translation>
    </message>
    <message>
        <source>No keychain is available: the voucher signing key is kept in memory for this session only</source>
        <translation>没有可用的系统钥匙串：兑换券签名密钥仅在本次运行期间保存在内存中</translation>
    </message>
    <message>
        <source>{n} records have not been sent to the platform yet. Sync first, then pair again.</source>
        <translation>还有 {n} 条记录未发送到平台。请先同步，再重新配对。</translation>
    </message>
    <message>
        <source>The member code was not accepted: ask the member to refresh it on their phone and scan again</source>
        <translation>会员码无效：请会员在手机上刷新后重新扫码</translation>
    </message>
    <message>
        <source>This member code was used already: ask the member to show a fresh one</source>
        <translation>此会员码已用过：请会员出示新的会员码</translation>
    </message>
    <message>
        <source>Too many wrong member codes: wait a few minutes, then scan again</source>
        <translation>错误的会员码次数过多：请等几分钟再扫码</translation>
    </message>
    <message>
        <source>Scan the member's code first</source>
        <translation>请先扫描会员码</translation>
    </message>
    <message>
        <source>The member's consent was not accepted: scan their code again</source>
        <translation>会员授权无效：请重新扫描会员码</translation>
    </message>
    <message>
        <source>The member's consent was used already: scan their code again</source>
        <translation>会员授权已用过：请重新扫描会员码</translation>
    </message>
    <message>
        <source>The member's consent has expired: scan their code again</source>
        <translation>会员授权已过期：请重新扫描会员码</translation>
    </message>
    <message>
        <source>The member does not have that many coins</source>
        <translation>会员的购物币不够</translation>
    </message>
    <message>
        <source>That is more coins than the member authorized</source>
        <translation>超出了会员授权的购物币数量</translation>
    </message>
    <message>
        <source>The member's coin authorization has expired</source>
        <translation>会员的购物币授权已过期</translation>
    </message>
    <message>
        <source>This coin authorization is not genuine</source>
        <translation>此购物币授权码不是真的</translation>
    </message>
    <message>
        <source>The member has too many open coin authorizations: use or cancel one first</source>
        <translation>会员未用完的购物币授权太多：请先使用或取消一个</translation>
    </message>
    <message>
        <source>The platform refused: {reason}</source>
        <translation>平台拒绝：{reason}</translation>
    </message>
    <message>
        <source>The platform address must start with https:// (or http:// on a local network)</source>
        <translation>平台地址必须以 https:// 开头（局域网内可用 http://）</translation>
    </message>
    <message>
        <source>Use https:// for the platform at {host}. Plain http:// is allowed only for this computer and the local network (10.x, 172.16–31.x, 192.168.x, *.local), so that the terminal's access token never crosses the internet in clear text.</source>
        <translation>平台 {host} 请使用 https://。明文 http:// 只允许用于本机和局域网（10.x、172.16–31.x、192.168.x、*.local），以免终端的访问令牌以明文经过互联网。</translation>
    </message>
    <message>
        <source>The platform address may hold only https://, a host name or IP address, a port and a path (no user name, password, spaces, ? or #).</source>
        <translation>平台地址只能包含 https://、主机名或 IP 地址、端口和路径（不能有用户名、密码、空格、? 或 #）。</translation>
    </message>
    <message>
        <source>Type the pairing code from the platform (10 letters and digits)</source>
        <translation>请输入平台提供的配对码（10 位字母和数字）</translation>
    </message>
    <message>
        <source>The platform at {url} did not show a valid certificate, so nothing was sent. Check the address; the platform needs a certificate from a recognised authority.</source>
        <translation>{url} 上的平台没有出示有效的证书，因此未发送任何内容。请检查地址；平台需要由受认可的机构签发的证书。</translation>
    </message>
    <message>
        <source>Cannot reach the platform at {url}. Check the address and the network.</source>
        <translation>无法连接平台 {url}。请检查地址和网络。</translation>
    </message>
    <message>
        <source>{n} records are still waiting to be sent to the platform. Wait until the status bar shows 0 waiting, then log out.</source>
        <translation>还有 {n} 条记录等待发送到平台。请等状态栏显示 0 条待发送后再退出登录。</translation>
    </message>
    <message>
        <source>Pair this terminal with the platform first</source>
        <translation>请先将本终端与平台配对</translation>
    </message>
    <message>
        <source>Voucher {id} has not been redeemed</source>
        <translation>兑换券 {id} 尚未兑换</translation>
    </message>
    <message>
        <source>“{text}” is not a hexadecimal id such as 04b8</source>
        <translation>“{text}”不是十六进制 ID（例如 04b8）</translation>
    </message>
    <message>
        <source>The system keychain does not answer (is it locked?). Unlock it and try again.</source>
        <translation>系统钥匙串没有响应（是否已锁定？）。请解锁后重试。</translation>
    </message>
    <message>
        <source>A PIN of one digit repeated (like 1111) is too easy to guess. Choose another PIN.</source>
        <translation>由同一数字重复组成的 PIN（如 1111）太容易被猜到，请换一个。</translation>
    </message>
    <message>
        <source>A PIN of digits in a row (like 1234 or 4321) is too easy to guess. Choose another PIN.</source>
        <translation>连续数字的 PIN（如 1234 或 4321）太容易被猜到，请换一个。</translation>
    </message>
    <message>
        <source>A PIN that repeats a short pattern (like 1212) is too easy to guess. Choose another PIN.</source>
        <translation>重复短模式的 PIN（如 1212）太容易被猜到，请换一个。</translation>
    </message>
    <message>
        <source>This PIN is one of the most common PINs and too easy to guess. Choose another PIN.</source>
        <translation>这是最常见的 PIN 之一，太容易被猜到，请换一个。</translation>
    </message>
    <message>
        <source>A seat must be between 1 and {size}</source>
        <translation>座位号必须在 1 到 {size} 之间</translation>
    </message>
    <message>
        <source>There is no entry {id}</source>
        <translation>没有参与编号 {id}</translation>
    </message>
    <message>
        <source>Group {id} has not been drawn or cancelled: nothing to hand back yet</source>
        <translation>拼团 {id} 尚未开奖或取消：还没有要退给顾客的</translation>
    </message>
    <message>
        <source>The barcode “{code}” can only hold letters, digits and signs, without spaces, up to 64</source>
        <translation>条码“{code}”只能包含字母、数字和符号，不能有空格，最多 64 个字符</translation>
    </message>
    <message>
        <source>The SKU “{code}” can only hold letters, digits and signs, without spaces, up to 64</source>
        <translation>货号“{code}”只能包含字母、数字和符号，不能有空格，最多 64 个字符</translation>
    </message>
    <message>
        <source>An item's name is 1 to 128 characters</source>
        <translation>菜品名称为 1 到 128 个字符</translation>
    </message>
    <message>
        <source>An item's English name is at most 128 characters</source>
        <translation>菜品英文名最多 128 个字符</translation>
    </message>
    <message>
        <source>A category is at most 64 characters</source>
        <translation>分类最多 64 个字符</translation>
    </message>
    <message>
        <source>A price or cost is between 0.00 and 1,000,000.00</source>
        <translation>售价或成本须在 0.00 到 1,000,000.00 之间</translation>
    </message>
    <message>
        <source>{count} rows of the file have problems; nothing was imported. Fix them and import the file again.</source>
        <translation>文件中有 {count} 行有问题，未导入任何内容。请改正后重新导入。</translation>
    </message>
    <message>
        <source>There is no menu item {id}</source>
        <translation>没有编号为 {id} 的菜品</translation>
    </message>
    <message>
        <source>No menu item has the code {code}</source>
        <translation>没有条码或货号为 {code} 的菜品</translation>
    </message>
    <message>
        <source>{name} is not on sale (disabled in the menu)</source>
        <translation>{name} 已停售（菜单中已停用）</translation>
    </message>
    <message>
        <source>Menu item {id} has no price version {version}</source>
        <translation>菜品 {id} 没有第 {version} 版价格</translation>
    </message>
    <message>
        <source>Cannot read the file {path}: {reason}</source>
        <translation>无法读取文件 {path}：{reason}</translation>
    </message>
    <message>
        <source>Cannot write the file {path}: {reason}</source>
        <translation>无法写入文件 {path}：{reason}</translation>
    </message>
    <message>
        <source>The barcode {code} is already on {name}</source>
        <translation>条码 {code} 已用于 {name}</translation>
    </message>
    <message>
        <source>The SKU {code} is already on {name}</source>
        <translation>货号 {code} 已用于 {name}</translation>
    </message>
    <message>
        <source>The barcode {code} is already on the item with SKU {sku}</source>
        <translation>条码 {code} 已用于货号为 {sku} 的菜品</translation>
    </message>
    <message>
        <source>The file is not a text file in UTF-8 or GBK</source>
        <translation>该文件不是 UTF-8 或 GBK 编码的文本文件</translation>
    </message>
    <message>
        <source>“{text}” is not 1 (on sale) or 0 (not on sale)</source>
        <translation>“{text}”不是 1（在售）或 0（停售）</translation>
    </message>
    <message>
        <source>The price is missing</source>
        <translation>缺少售价</translation>
    </message>
    <message>
        <source>The SKU is missing: each row needs one, it is how an import finds the item to update</source>
        <translation>缺少货号：每一行都需要货号，导入时据此找到要更新的菜品</translation>
    </message>
    <message>
        <source>The first line must be the header {header}</source>
        <translation>第一行必须是表头 {header}</translation>
    </message>
    <message>
        <source>The row has {count} columns, not {expected}</source>
        <translation>该行有 {count} 列，应为 {expected} 列</translation>
    </message>
    <message>
        <source>The SKU {code} is also on row {row}</source>
        <translation>货号 {code} 在第 {row} 行也出现了</translation>
    </message>
    <message>
        <source>The barcode {code} is also on row {row}</source>
        <translation>条码 {code} 在第 {row} 行也出现了</translation>
    </message>
    <message>
        <source>Could not save the proof in the folder {folder}. Choose a folder you may write to, on a disk with free space.</source>
        <translation>无法把开奖证明保存到文件夹 {folder}。请选择一个可以写入、且磁盘有空余空间的文件夹。</translation>
    </message>
    <message>
        <source>A quantity is a whole number from 1 to {most}</source>
        <translation>数量须为 1 到 {most} 的整数</translation>
    </message>
    <message>
        <source>The price is out of range</source>
        <translation>价格超出范围</translation>
    </message>
    <message>
        <source>A discount on {name} must be between 0 and {most}</source>
        <translation>{name} 的折扣须在 0 到 {most} 之间</translation>
    </message>
    <message>
        <source>A prize voucher is one line at price 0</source>
        <translation>奖品券是一行、价格为 0</translation>
    </message>
    <message>
        <source>A bill has at most {most} lines</source>
        <translation>一张账单最多 {most} 行</translation>
    </message>
    <message>
        <source>The bill discount must be between 0 and {most}</source>
        <translation>整单折扣须在 0 到 {most} 之间</translation>
    </message>
    <message>
        <source>This bill allows at most {most} coins</source>
        <translation>本单最多可用 {most} 个购物币</translation>
    </message>
    <message>
        <source>A payment must be more than 0</source>
        <translation>付款金额必须大于 0</translation>
    </message>
    <message>
        <source>Card and app payments cannot be more than the bill ({total}): only cash gives change</source>
        <translation>刷卡和移动支付不能超过账单金额（{total}）：只有现金可以找零</translation>
    </message>
    <message>
        <source>{due} is still due</source>
        <translation>还差 {due}</translation>
    </message>
    <message>
        <source>This prize voucher was already redeemed</source>
        <translation>这张奖品券已兑换过</translation>
    </message>
    <message>
        <source>This prize voucher has expired</source>
        <translation>这张奖品券已过期</translation>
    </message>
    <message>
        <source>This prize voucher is for another store</source>
        <translation>这张奖品券属于其他门店</translation>
    </message>
    <message>
        <source>This prize voucher is forged or altered: do not accept it</source>
        <translation>这张奖品券是伪造或被篡改的：不要接受</translation>
    </message>
    <message>
        <source>This prize voucher was signed after its terminal was revoked: do not accept it</source>
        <translation>这张奖品券是在其终端被吊销后签发的：不要接受</translation>
    </message>
    <message>
        <source>Not a voucher we can read: scan again or type the code</source>
        <translation>无法识别的券：请重新扫描或输入券码</translation>
    </message>
    <message>
        <source>No voucher has this code</source>
        <translation>没有券使用此券码</translation>
    </message>
    <message>
        <source>This item is not on sale</source>
        <translation>该商品未在售</translation>
    </message>
    <message>
        <source>No item has the code {code}</source>
        <translation>没有商品的编码是 {code}</translation>
    </message>
    <message>
        <source>No member of this store has the phone number {phone}</source>
        <translation>本店没有手机号为 {phone} 的会员</translation>
    </message>
    <message>
        <source>Pair this terminal with the platform before accepting coins</source>
        <translation>接受购物币前请先将本终端与平台配对</translation>
    </message>
    <message>
        <source>This coin authorization is for another store</source>
        <translation>这个购物币授权属于其他门店</translation>
    </message>
    <message>
        <source>This coin authorization belongs to another member</source>
        <translation>这个购物币授权属于另一位会员</translation>
    </message>
    <message>
        <source>This coin authorization was cancelled or used: ask the member for a new one</source>
        <translation>这个购物币授权已取消或已使用：请会员重新生成</translation>
    </message>
    <message>
        <source>This coin authorization was already used at this store</source>
        <translation>这个购物币授权已在本店使用过</translation>
    </message>
    <message>
        <source>The bill is empty</source>
        <translation>账单是空的</translation>
    </message>
    <message>
        <source>This order was recalled already</source>
        <translation>这张挂单已被取回</translation>
    </message>
    <message>
        <source>The discount is beyond the cashier's limit: a manager must approve it</source>
        <translation>折扣超出收银员权限：需要经理批准</translation>
    </message>
    <message>
        <source>Coins need a member</source>
        <translation>使用购物币需要会员</translation>
    </message>
    <message>
        <source>The coins were not taken by the platform yet: try again</source>
        <translation>平台尚未扣除购物币：请重试</translation>
    </message>
    <message>
        <source>{kind} is not a payment this store takes</source>
        <translation>本店不接受 {kind} 付款</translation>
    </message>
    <message>
        <source>This coin authorization expired at {time}: ask the member for a new one</source>
        <translation>这个购物币授权已于 {time} 过期：请会员重新生成</translation>
    </message>
    <message>
        <source>This coin authorization is forged, altered or from another platform: do not accept it</source>
        <translation>这个购物币授权是伪造、被篡改或来自其他平台的：不要接受</translation>
    </message>
    <message>
        <source>This is not a coin authorization we can read</source>
        <translation>无法识别的购物币授权码</translation>
    </message>
    <message>
        <source>No such sale</source>
        <translation>没有这笔销售</translation>
    </message>
    <message>
        <source>No such refund</source>
        <translation>没有这笔退款</translation>
    </message>
    <message>
        <source>No sale has the receipt number {number}</source>
        <translation>没有小票号为 {number} 的销售</translation>
    </message>
    <message>
        <source>Sale {number} was voided already</source>
        <translation>销售 {number} 已作废</translation>
    </message>
    <message>
        <source>Part of sale {number} was refunded: refund the rest instead of voiding it</source>
        <translation>销售 {number} 已部分退款：请退剩余部分，而不是作废</translation>
    </message>
    <message>
        <source>Only a sale of the open shift can be voided: refund sale {number} instead</source>
        <translation>只能作废本班次（未交班）的销售：请改为退款 {number}</translation>
    </message>
    <message>
        <source>Sale {number} was voided: nothing is left to refund</source>
        <translation>销售 {number} 已作废：没有可退的</translation>
    </message>
    <message>
        <source>Line {line} has {left} left to refund</source>
        <translation>第 {line} 行还可退 {left} 份</translation>
    </message>
    <message>
        <source>Sale {number} was refunded in full already</source>
        <translation>销售 {number} 已全部退款</translation>
    </message>
    <message>
        <source>Say why (a reason is required)</source>
        <translation>请填写原因（必填）</translation>
    </message>
    <message>
        <source>The refund is more than what is left of the sale</source>
        <translation>退款超过了这笔销售剩余的金额</translation>
    </message>
    <message>
        <source>The platform did not answer, so it is not known whether the coins were taken. Try again when it is back: it is asked first, and coins are never taken twice.</source>
        <translation>平台没有回应，不确定购物币是否已扣除。请在平台恢复后重试：会先向平台查询，购物币绝不会被扣两次。</translation>
    </message>
    <message>
        <source>This is not a member code we can read</source>
        <translation>无法识别的会员码</translation>
    </message>
    <message>
        <source>The platform cannot be reached: use the member's coin authorization QR</source>
        <translation>无法连接平台：请使用会员的购物币授权码</translation>
    </message>
    <message>
        <source>Count whole notes and coins</source>
        <translation>请按整张/整枚清点</translation>
    </message>
    <message>
        <source>A count cannot be negative ({value})</source>
        <translation>点数不能为负（{value}）</translation>
    </message>
    <message>
        <source>{n} pieces of {value} is more than a drawer holds</source>
        <translation>{value} 共 {n} 张，超出钱箱容量</translation>
    </message>
    <message>
        <source>“{text}” is not a number of pieces</source>
        <translation>“{text}”不是张数</translation>
    </message>
    <message>
        <source>Unknown denomination {key}</source>
        <translation>未知面额 {key}</translation>
    </message>
    <message>
        <source>The drawer total is out of range</source>
        <translation>钱箱合计超出范围</translation>
    </message>
    <message>
        <source>Say why the redemption is reversed (a reason)</source>
        <translation>请填写撤销核销的原因</translation>
    </message>
    <message>
        <source>This voucher is not redeemed: nothing to reverse</source>
        <translation>该券未核销：无需撤销</translation>
    </message>
    <message>
        <source>Terminal {terminal} redeemed this voucher: only it can reverse the redemption</source>
        <translation>该券由终端 {terminal} 核销：只有该终端可以撤销</translation>
    </message>
    <message>
        <source>The clock reads a time before this redemption: set the clock right first</source>
        <translation>电脑时间早于这次核销：请先校正时钟</translation>
    </message>
    <message>
        <source>A redemption can be reversed within {minutes} minutes only; this one is older</source>
        <translation>核销只能在 {minutes} 分钟内撤销；这次核销已超时</translation>
    </message>
    <message>
        <source>This terminal has no record of redeeming the voucher: it cannot reverse it</source>
        <translation>本终端没有核销该券的记录：无法撤销</translation>
    </message>
    <message>
        <source>A shift is open on this terminal already (opened by {name} at {at})</source>
        <translation>本终端已有班次在进行（{name} 于 {at} 开班）</translation>
    </message>
    <message>
        <source>Cash goes in or out of the drawer</source>
        <translation>现金只能存入或取出钱箱</translation>
    </message>
    <message>
        <source>Type an amount above zero</source>
        <translation>请输入大于零的金额</translation>
    </message>
    <message>
        <source>Say why the cash moves (a reason)</source>
        <translation>请填写存取现金的原因</translation>
    </message>
    <message>
        <source>The drawer should hold only {held}: {amount} cannot be taken out</source>
        <translation>钱箱里应该只有 {held}：不能取出 {amount}</translation>
    </message>
    <message>
        <source>No such cash movement</source>
        <translation>没有这笔存取现金记录</translation>
    </message>
    <message>
        <source>There is no open shift to report on</source>
        <translation>当前没有开班，无法出报表</translation>
    </message>
    <message>
        <source>Count the drawer before closing the shift</source>
        <translation>交班前请先点钞</translation>
    </message>
    <message>
        <source>The drawer is {diff} off: say why before closing</source>
        <translation>钱箱差异 {diff}：交班前请说明原因</translation>
    </message>
    <message>
        <source>There is no such Z report</source>
        <translation>没有这份 Z 报表</translation>
    </message>
    <message>
        <source>The clock reads {now}, before this shift opened ({opened}): set the clock right, then close</source>
        <translation>电脑时间为 {now}，早于本班开班时间（{opened}）：请先校正时钟再交班</translation>
    </message>
    <message>
        <source>{n} parked bill(s) are still open: finish or cancel them before closing</source>
        <translation>还有 {n} 张挂单未结：请先结账或取消再交班</translation>
    </message>
    <message>
        <source>Open a shift first: count the float into the drawer, then take or pay money</source>
        <translation>请先开班：清点钱箱备用金后才能收付款</translation>
    </message>
    <message>
        <source>A rate must be between 0% and 100%.</source>
        <translation>比例必须在 0% 到 100% 之间。</translation>
    </message>
    <message>
        <source>The alliance share cannot be more than the turnover commission.</source>
        <translation>联盟分成不能高于营业额佣金。</translation>
    </message>
    <message>
        <source>A coin must be worth at least one fen.</source>
        <translation>每枚购物币至少值 1 分。</translation>
    </message>
</context>
<context>
    <name>hand_back</name>
    <message>
        <source>Won: hand over the voucher</source>
        <translation>中奖：交给顾客兑换券</translation>
    </message>
    <message>
        <source>consolation {amount}</source>
        <translation>安慰金 {amount}</translation>
    </message>
    <message>
        <source>{n} coins</source>
        <translation>{n} 购物币</translation>
    </message>
    <message>
        <source>leader reward {amount}</source>
        <translation>团长奖励 {amount}</translation>
    </message>
    <message>
        <source>Card refund {amount} (to do)</source>
        <translation>刷卡退款 {amount}（待办）</translation>
    </message>
    <message>
        <source>Refunded online {amount}</source>
        <translation>已线上退款 {amount}</translation>
    </message>
    <message>
        <source>Refund {amount}</source>
        <translation>退 {amount}</translation>
    </message>
    <message>
        <source>Cash back {amount} now</source>
        <translation>现在退现金 {amount}</translation>
    </message>
    <message>
        <source>Cash back now: {amount} ({n})</source>
        <translation>现在退现金：{amount}（{n} 人）</translation>
    </message>
    <message>
        <source>Card refunds to do: {amount} ({n})</source>
        <translation>待刷卡退款：{amount}（{n} 人）</translation>
    </message>
    <message>
        <source>Refunded online: {amount} ({n})</source>
        <translation>已线上退款：{amount}（{n} 人）</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Something went wrong; the log has the details.</source>
        <translation>出了点问题，详情已写入日志。</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行此操作</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>N / K</source>
        <translation>N / K</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open groups</source>
        <translation>进行中的团</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>押金</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Hand back</source>
        <translation>应退给顾客</translation>
    </message>
</context>
<context>
    <name>print</name>
    <message>
        <source>Invite</source>
        <translation>拼团邀请</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>兑换券</translation>
    </message>
    <message>
        <source>Draw slip</source>
        <translation>开奖凭条</translation>
    </message>
    <message>
        <source>Redemption receipt</source>
        <translation>核销小票</translation>
    </message>
    <message>
        <source>Sale receipt</source>
        <translation>销售小票</translation>
    </message>
    <message>
        <source>Deposit slip</source>
        <translation>押金单</translation>
    </message>
    <message>
        <source>Refund slip</source>
        <translation>退款/安慰奖单</translation>
    </message>
    <message>
        <source>Test page</source>
        <translation>测试页</translation>
    </message>
    <message>
        <source>Shift report (X/Z)</source>
        <translation>班次报表（X/Z）</translation>
    </message>
    <message>
        <source>Saved {kind} as a PDF file in {folder}</source>
        <translation>{kind}已存为 PDF：{folder}</translation>
    </message>
    <message>
        <source>Printed {kind} on {printer}</source>
        <translation>已在{printer}打印{kind}</translation>
    </message>
    <message>
        <source>Not printed: {reason}</source>
        <translation>未打印：{reason}</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>print_queue</name>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印中</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>printers</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <source>Windows printer (raw)</source>
        <translation>Windows 打印机（原始数据）</translation>
    </message>
    <message>
        <source>PDF files in a folder</source>
        <translation>PDF 文件（存入文件夹）</translation>
    </message>
    <message>
        <source>System printer (Qt)</source>
        <translation>系统打印机（Qt）</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>店主</translation>
    </message>
</context>
<context>
    <name>screens</name>
    <message>
        <source>Checkout</source>
        <translation>收银</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售记录</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>拼团</translation>
    </message>
    <message>
        <source>Redeem voucher</source>
        <translation>兑奖</translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Redemptions</source>
        <translation>验券记录</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>团列表</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>拼团活动</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>待处理事项</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <source>Alliance</source>
        <translation>联盟</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>settlement</name>
    <message>
        <source>Coins taken (reimbursed)</source>
        <translation>购物币抵扣（平台返还）</translation>
    </message>
    <message>
        <source>Sale commission</source>
        <translation>销售佣金</translation>
    </message>
    <message>
        <source>Group deal commission</source>
        <translation>拼团佣金</translation>
    </message>
    <message>
        <source>Alliance share earned</source>
        <translation>联盟分成（收入）</translation>
    </message>
    <message>
        <source>Alliance share passed on</source>
        <translation>联盟分成（转付）</translation>
    </message>
    <message>
        <source>Entry fee</source>
        <translation>入驻费</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Group deal</source>
        <translation>拼团</translation>
    </message>
    <message>
        <source>Coins</source>
        <translation>购物币</translation>
    </message>
    <message>
        <source>Platform fee</source>
        <translation>平台费用</translation>
    </message>
    <message>
        <source>Alliance</source>
        <translation>联盟</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>Differs</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>Missing on the platform</source>
        <translation>平台缺失</translation>
    </message>
    <message>
        <source>Missing here</source>
        <translation>本机缺失</translation>
    </message>
    <message>
        <source>Other terminal</source>
        <translation>其他收银机</translation>
    </message>
    <message>
        <source>Merchant's own</source>
        <translation>商家项目</translation>
    </message>
    <message>
        <source>This counter</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>here {here} under schedule v{hv}, the platform {there} under v{tv}</source>
        <translation>本机 {here}（费率表 v{hv}），平台 {there}（v{tv}）</translation>
    </message>
    <message>
        <source>this counter did not have schedule v{tv} yet when it recorded the line</source>
        <translation>记账时本机尚未收到费率表 v{tv}</translation>
    </message>
    <message>
        <source>not on this statement yet (rejected, not sent, or booked in a later period)</source>
        <translation>结算单上还没有（被拒、未发送或记入之后的周期）</translation>
    </message>
    <message>
        <source>the platform found an amount this counter did not record</source>
        <translation>平台算出了本机未记录的金额</translation>
    </message>
    <message>
        <source>the platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>with {who}</source>
        <translation>对方：{who}</translation>
    </message>
    <message>
        <source>adjustment: {text}</source>
        <translation>调整：{text}</translation>
    </message>
</context>
<context>
    <name>shift</name>
    <message>
        <source>Cash sales</source>
        <translation>现金销售</translation>
    </message>
    <message>
        <source>Change given</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Sale refunds in cash</source>
        <translation>现金退款</translation>
    </message>
    <message>
        <source>Deposits taken</source>
        <translation>收取押金</translation>
    </message>
    <message>
        <source>Deposits given back</source>
        <translation>退还押金</translation>
    </message>
    <message>
        <source>Consolation cash paid</source>
        <translation>已付安慰金</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>存入现金</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>取出现金</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
</context>
<context>
    <name>states</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Launched</source>
        <translation>已上线</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>已成团</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>已开奖</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>已结算</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>Not paired</source>
        <translation>未配对</translation>
    </message>
    <message>
        <source>Paired, but the token is lost: pair again</source>
        <translation>已配对，但令牌丢失：请重新配对</translation>
    </message>
    <message>
        <source>Refused by the platform: see the Platform screen</source>
        <translation>平台拒绝：请查看“平台”页面</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>last sync {time}</source>
        <translation>上次同步 {time}</translation>
    </message>
    <message>
        <source>token kept in memory until restart</source>
        <translation>令牌仅保存在内存中，重启后失效</translation>
    </message>
</context>
<context>
    <name>tenders</name>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Online (platform)</source>
        <translation>线上（平台代收）</translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <source>Staff changed</source>
        <translation>员工已变更</translation>
    </message>
    <message>
        <source>Deal launched</source>
        <translation>活动已上线</translation>
    </message>
    <message>
        <source>Deal amended</source>
        <translation>活动已修改</translation>
    </message>
    <message>
        <source>Group opened</source>
        <translation>已开团</translation>
    </message>
    <message>
        <source>Joined a group</source>
        <translation>参团</translation>
    </message>
    <message>
        <source>Group drawn</source>
        <translation>已开奖</translation>
    </message>
    <message>
        <source>Group settled (refunds and consolation)</source>
        <translation>团已结算（退款和安慰奖）</translation>
    </message>
    <message>
        <source>Group expired and refunded</source>
        <translation>团已过期并退款</translation>
    </message>
    <message>
        <source>Group cancelled and refunded</source>
        <translation>团已取消并退款</translation>
    </message>
    <message>
        <source>Online join accepted</source>
        <translation>线上参团已接受</translation>
    </message>
    <message>
        <source>Online join refused</source>
        <translation>线上参团被拒绝</translation>
    </message>
    <message>
        <source>Voucher issued</source>
        <translation>已发兑换券</translation>
    </message>
    <message>
        <source>Voucher redeemed</source>
        <translation>兑换券已核销</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Coins paid with</source>
        <translation>购物币抵扣</translation>
    </message>
    <message>
        <source>Sale refunded</source>
        <translation>销售已退款</translation>
    </message>
    <message>
        <source>Sale voided</source>
        <translation>销售已作废</translation>
    </message>
    <message>
        <source>Signing key added</source>
        <translation>已添加签名密钥</translation>
    </message>
    <message>
        <source>Shift closed (Z report)</source>
        <translation>交班（Z 报表）</translation>
    </message>
    <message>
        <source>Redemption reversed</source>
        <translation>撤销核销</translation>
    </message>
    <message>
        <source>Attention item resolved</source>
        <translation>待处理事项已处理</translation>
    </message>
    <message>
        <source>Commission schedule received</source>
        <translation>收到佣金方案</translation>
    </message>
    <message>
        <source>Deal saved</source>
        <translation>活动已保存</translation>
    </message>
    <message>
        <source>Demo data created</source>
        <translation>已创建演示数据</translation>
    </message>
    <message>
        <source>Online joins sorted</source>
        <translation>线上参团已分拣</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>经理授权</translation>
    </message>
    <message>
        <source>Paired with the platform</source>
        <translation>已与平台配对</translation>
    </message>
    <message>
        <source>Platform address changed</source>
        <translation>平台地址已更改</translation>
    </message>
    <message>
        <source>Printout queued</source>
        <translation>单据已排队打印</translation>
    </message>
    <message>
        <source>Copy printed</source>
        <translation>已打印副本</translation>
    </message>
    <message>
        <source>Printout retried</source>
        <translation>单据已重新打印</translation>
    </message>
    <message>
        <source>Printer removed</source>
        <translation>打印机已删除</translation>
    </message>
    <message>
        <source>Printer chosen for a printout</source>
        <translation>已为单据选择打印机</translation>
    </message>
    <message>
        <source>Printer saved</source>
        <translation>打印机已保存</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>设置已更改</translation>
    </message>
    <message>
        <source>Signing key renewed</source>
        <translation>签名密钥已更新</translation>
    </message>
    <message>
        <source>Signing key created</source>
        <translation>已创建签名密钥</translation>
    </message>
    <message>
        <source>Staff member (de)activated</source>
        <translation>员工已停用/启用</translation>
    </message>
    <message>
        <source>Staff member added</source>
        <translation>已添加员工</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>PIN 错误</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Owner account created</source>
        <translation>已创建店主账号</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>PIN 已更改</translation>
    </message>
    <message>
        <source>Staff member unlocked</source>
        <translation>员工已解锁</translation>
    </message>
    <message>
        <source>PIN protection renewed</source>
        <translation>PIN 加密已升级</translation>
    </message>
    <message>
        <source>Sync recovered after a restore</source>
        <translation>恢复备份后同步已修复</translation>
    </message>
    <message>
        <source>PC clock moved</source>
        <translation>电脑时钟被调整</translation>
    </message>
    <message>
        <source>Invites signed for the paired store</source>
        <translation>邀请码已按配对门店重新签名</translation>
    </message>
    <message>
        <source>Menu item added</source>
        <translation>新增菜品</translation>
    </message>
    <message>
        <source>Menu item changed</source>
        <translation>修改菜品</translation>
    </message>
    <message>
        <source>Menu item put on sale</source>
        <translation>菜品恢复在售</translation>
    </message>
    <message>
        <source>Menu item taken off sale</source>
        <translation>菜品停售</translation>
    </message>
    <message>
        <source>Menu imported from a file</source>
        <translation>从文件导入菜单</translation>
    </message>
    <message>
        <source>Shift opened with a float</source>
        <translation>开班（备用金）</translation>
    </message>
    <message>
        <source>Another cashier took over the drawer</source>
        <translation>换收银员接手钱箱</translation>
    </message>
    <message>
        <source>Cash put into the drawer</source>
        <translation>存入钱箱现金</translation>
    </message>
    <message>
        <source>Cash taken out of the drawer</source>
        <translation>从钱箱取出现金</translation>
    </message>
    <message>
        <source>Order parked</source>
        <translation>已挂单</translation>
    </message>
    <message>
        <source>Parked order recalled</source>
        <translation>已取回挂单</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Manager PIN checked for an approval</source>
        <translation>经理输入 PIN 授权</translation>
    </message>
    <message>
        <source>product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>market value</source>
        <translation>市场价值</translation>
    </message>
    <message>
        <source>cost per product</source>
        <translation>单件成本</translation>
    </message>
    <message>
        <source>group price</source>
        <translation>拼团价</translation>
    </message>
    <message>
        <source>people per group</source>
        <translation>成团人数</translation>
    </message>
    <message>
        <source>winners</source>
        <translation>中奖人数</translation>
    </message>
    <message>
        <source>leader rule</source>
        <translation>团长规则</translation>
    </message>
    <message>
        <source>leader reward</source>
        <translation>团长奖励</translation>
    </message>
    <message>
        <source>consolation cash per loser</source>
        <translation>每位未中奖者现金安慰奖</translation>
    </message>
    <message>
        <source>consolation coins per loser</source>
        <translation>每位未中奖者安慰购物币</translation>
    </message>
    <message>
        <source>formation reward per joiner</source>
        <translation>每位参团者的成团奖励</translation>
    </message>
    <message>
        <source>promotion budget</source>
        <translation>推广预算</translation>
    </message>
    <message>
        <source>hours to fill a group</source>
        <translation>成团时限（小时）</translation>
    </message>
    <message>
        <source>groups open at once</source>
        <translation>可同时开团数</translation>
    </message>
    <message>
        <source>seats per member</source>
        <translation>每位会员可占名额</translation>
    </message>
    <message>
        <source>voucher validity (days)</source>
        <translation>兑换券有效期（天）</translation>
    </message>
    <message>
        <source>group</source>
        <translation>团</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>seat</source>
        <translation>席位</translation>
    </message>
    <message>
        <source>voucher</source>
        <translation>兑换券</translation>
    </message>
    <message>
        <source>member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>deposit</source>
        <translation>押金</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>paid by</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>commitment</source>
        <translation>承诺值</translation>
    </message>
    <message>
        <source>for</source>
        <translation>用于</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>approved by</source>
        <translation>授权人</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>printout</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>print job</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>coins granted</source>
        <translation>发放的购物币</translation>
    </message>
    <message>
        <source>coins</source>
        <translation>购物币</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>staff no.</source>
        <translation>员工编号</translation>
    </message>
    <message>
        <source>store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>menu items</source>
        <translation>菜单项</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>连接方式</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>after</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>proof digest</source>
        <translation>证明摘要</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>团</translation>
    </message>
    <message>
        <source>item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>lock level</source>
        <translation>锁定级别</translation>
    </message>
    <message>
        <source>merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>records moved</source>
        <translation>移动的记录数</translation>
    </message>
    <message>
        <source>copy of</source>
        <translation>副本来源</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>seconds left</source>
        <translation>剩余秒数</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>vouchers</source>
        <translation>兑换券</translation>
    </message>
    <message>
        <source>same start of the PC</source>
        <translation>同一次开机</translation>
    </message>
    <message>
        <source>seat no.</source>
        <translation>座位号</translation>
    </message>
    <message>
        <source>coin deduction</source>
        <translation>购物币扣点</translation>
    </message>
    <message>
        <source>turnover commission</source>
        <translation>销售佣金</translation>
    </message>
    <message>
        <source>deal commission</source>
        <translation>拼团佣金</translation>
    </message>
    <message>
        <source>alliance share</source>
        <translation>联盟分成</translation>
    </message>
    <message>
        <source>coin cap</source>
        <translation>购物币抵扣上限</translation>
    </message>
    <message>
        <source>coin value</source>
        <translation>购物币面值</translation>
    </message>
    <message>
        <source>in force from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <source>Chinese printing</source>
        <translation>中文打印方式</translation>
    </message>
    <message>
        <source>QR printing</source>
        <translation>二维码打印方式</translation>
    </message>
    <message>
        <source>paper width</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>price version</source>
        <translation>价格版本</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <source>refunds carried in</source>
        <translation>结转的退款</translation>
    </message>
    <message>
        <source>Z report no.</source>
        <translation>Z 报表号</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <source>over/short</source>
        <translation>长短款</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>redeemed at</source>
        <translation>核销时间</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>receipt no.</source>
        <translation>小票号</translation>
    </message>
    <message>
        <source>refund no.</source>
        <translation>退款单号</translation>
    </message>
    <message>
        <source>coins returned</source>
        <translation>退还购物币</translation>
    </message>
    <message>
        <source>parked order</source>
        <translation>挂单</translation>
    </message>
    <message>
        <source>table</source>
        <translation>桌号</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>行数</translation>
    </message>
</context>
</TS>