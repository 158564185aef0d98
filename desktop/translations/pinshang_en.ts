<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Pinshang Counter</source>
        <translation>About Pinshang Counter</translation>
    </message>
    <message>
        <source>Pinshang Counter {version}</source>
        <translation>Pinshang Counter {version}</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Built with</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Open the data folder</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Licences of the parts shipped with this app</source>
        <translation>Licences of the parts shipped with this app</translation>
    </message>
</context>
<context>
    <name>AllianceScreen</name>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Per day</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Locked since</source>
        <translation>Locked since</translation>
    </message>
    <message>
        <source>Spent at other merchants</source>
        <translation>Spent at other merchants</translation>
    </message>
    <message>
        <source>Two weeks up to</source>
        <translation>Two weeks up to</translation>
    </message>
    <message>
        <source>Sync is not available</source>
        <translation>Sync is not available</translation>
    </message>
    <message>
        <source>{n} members are locked to this merchant. In these two weeks they spent {spend} at other merchants of the alliance, and this merchant earned {share} in alliance shares.</source>
        <translation>{n} members are locked to this merchant. In these two weeks they spent {spend} at other merchants of the alliance, and this merchant earned {share} in alliance shares.</translation>
    </message>
    <message>
        <source>Spent at other merchants (CNY)</source>
        <translation>Spent at other merchants (CNY)</translation>
    </message>
    <message>
        <source>Share earned (CNY)</source>
        <translation>Share earned (CNY)</translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>Rejected by the platform</source>
        <translation>Rejected by the platform</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
</context>
<context>
    <name>AttentionScreen</name>
    <message>
        <source>Mark resolved</source>
        <translation>Mark resolved</translation>
    </message>
    <message>
        <source>Needs attention: {n}</source>
        <translation>Needs attention: {n}</translation>
    </message>
    <message>
        <source>Nothing needs attention</source>
        <translation>Nothing needs attention</translation>
    </message>
    <message>
        <source>Why: {reason}
What to do: {action}</source>
        <translation>Why: {reason}
What to do: {action}</translation>
    </message>
    <message>
        <source>Choose an item first</source>
        <translation>Choose an item first</translation>
    </message>
    <message>
        <source>Marked resolved</source>
        <translation>Marked resolved</translation>
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
        <translation>Time</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <source>Verify the whole chain</source>
        <translation>Verify the whole chain</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Intact: {n} records</source>
        <translation>Intact: {n} records</translation>
    </message>
    <message>
        <source>Broken at record {row}: {problem}</source>
        <translation>Broken at record {row}: {problem}</translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No (disabled)</source>
        <translation>No (disabled)</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <source>Scan an item, member code, coin authorization or prize voucher</source>
        <translation>Scan an item, member code, coin authorization or prize voucher</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Discount ¥</source>
        <translation>Discount ¥</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Line discount</translation>
    </message>
    <message>
        <source>Bill discount</source>
        <translation>Bill discount</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <source>No parked bills</source>
        <translation>No parked bills</translation>
    </message>
    <message>
        <source>Parked bills: choose one, then Recall</source>
        <translation>Parked bills: choose one, then Recall</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>New bill</source>
        <translation>New bill</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Parked: {label} · {time}</source>
        <translation>Parked: {label} · {time}</translation>
    </message>
    <message>
        <source>{n} coins of {member} were taken by the platform for a bill that was not completed: ring up their bill again with the same coins, or ask a manager</source>
        <translation>{n} coins of {member} were taken by the platform for a bill that was not completed: ring up their bill again with the same coins, or ask a manager</translation>
    </message>
    <message>
        <source>Subtotal {fen}</source>
        <translation>Subtotal {fen}</translation>
    </message>
    <message>
        <source>bill discount −{fen}</source>
        <translation>bill discount −{fen}</translation>
    </message>
    <message>
        <source>{n} coins −{fen}</source>
        <translation>{n} coins −{fen}</translation>
    </message>
    <message>
        <source>rounding {fen}</source>
        <translation>rounding {fen}</translation>
    </message>
    <message>
        <source>discount approved by {name}</source>
        <translation>discount approved by {name}</translation>
    </message>
    <message>
        <source>To pay {fen}</source>
        <translation>To pay {fen}</translation>
    </message>
    <message>
        <source>This bill is paid: scan the next item to start a new one</source>
        <translation>This bill is paid: scan the next item to start a new one</translation>
    </message>
    <message>
        <source>This prize voucher is on the bill already</source>
        <translation>This prize voucher is on the bill already</translation>
    </message>
    <message>
        <source>Choose a line first</source>
        <translation>Choose a line first</translation>
    </message>
    <message>
        <source>The discount needs a manager's approval</source>
        <translation>The discount needs a manager's approval</translation>
    </message>
    <message>
        <source>Asking the platform…</source>
        <translation>Asking the platform…</translation>
    </message>
    <message>
        <source>The platform cannot be reached: coins only with the member's coin authorization</source>
        <translation>The platform cannot be reached: coins only with the member's coin authorization</translation>
    </message>
    <message>
        <source>Order parked</source>
        <translation>Order parked</translation>
    </message>
    <message>
        <source>Order {label} recalled</source>
        <translation>Order {label} recalled</translation>
    </message>
    <message>
        <source>Change {fen}</source>
        <translation>Change {fen}</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>No change</translation>
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
        <translation>Total {amount}</translation>
    </message>
</context>
<context>
    <name>CounterStatusBar</name>
    <message>
        <source>Not paired</source>
        <translation>Not paired</translation>
    </message>
    <message>
        <source>{n} waiting to send</source>
        <translation>{n} waiting to send</translation>
    </message>
    <message>
        <source>unsent for over 24 h!</source>
        <translation>unsent for over 24 h!</translation>
    </message>
    <message>
        <source>⚠ {n} refused by the platform</source>
        <translation>⚠ {n} refused by the platform</translation>
    </message>
    <message>
        <source>The platform refused these records: see Needs attention</source>
        <translation>The platform refused these records: see Needs attention</translation>
    </message>
</context>
<context>
    <name>DealEditor</name>
    <message>
        <source>Leader is drawn like anyone</source>
        <translation>Leader is drawn like anyone</translation>
    </message>
    <message>
        <source>Leader excluded, gets a leader reward</source>
        <translation>Leader excluded, gets a leader reward</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Market value</source>
        <translation>Market value</translation>
    </message>
    <message>
        <source>Cost per product</source>
        <translation>Cost per product</translation>
    </message>
    <message>
        <source>Group price</source>
        <translation>Group price</translation>
    </message>
    <message>
        <source>People per group (N)</source>
        <translation>People per group (N)</translation>
    </message>
    <message>
        <source>Winners (K)</source>
        <translation>Winners (K)</translation>
    </message>
    <message>
        <source>Leader rule</source>
        <translation>Leader rule</translation>
    </message>
    <message>
        <source>Leader reward</source>
        <translation>Leader reward</translation>
    </message>
    <message>
        <source>Consolation cash per loser</source>
        <translation>Consolation cash per loser</translation>
    </message>
    <message>
        <source>Consolation coins per loser</source>
        <translation>Consolation coins per loser</translation>
    </message>
    <message>
        <source>Formation reward per joiner</source>
        <translation>Formation reward per joiner</translation>
    </message>
    <message>
        <source>Promotion budget per group</source>
        <translation>Promotion budget per group</translation>
    </message>
    <message>
        <source>Hours to fill a group</source>
        <translation>Hours to fill a group</translation>
    </message>
    <message>
        <source>Groups open at once</source>
        <translation>Groups open at once</translation>
    </message>
    <message>
        <source>Seats per member</source>
        <translation>Seats per member</translation>
    </message>
    <message>
        <source>Voucher valid (days)</source>
        <translation>Voucher valid (days)</translation>
    </message>
    <message>
        <source>Organiser's contact</source>
        <translation>Organiser's contact</translation>
    </message>
    <message>
        <source>Redemption place</source>
        <translation>Redemption place</translation>
    </message>
    <message>
        <source>Per group</source>
        <translation>Per group</translation>
    </message>
    <message>
        <source>Money in</source>
        <translation>Money in</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Consolation paid</source>
        <translation>Consolation paid</translation>
    </message>
    <message>
        <source>Consolation coins</source>
        <translation>Consolation coins</translation>
    </message>
    <message>
        <source>Product cost</source>
        <translation>Product cost</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>Rewards</translation>
    </message>
    <message>
        <source>Promotion budget</source>
        <translation>Promotion budget</translation>
    </message>
    <message>
        <source>The store keeps (per group)</source>
        <translation>The store keeps (per group)</translation>
    </message>
    <message>
        <source>The store keeps per person</source>
        <translation>The store keeps per person</translation>
    </message>
    <message>
        <source>Break-even: group price at least {price}</source>
        <translation>Break-even: group price at least {price}</translation>
    </message>
</context>
<context>
    <name>DealsScreen</name>
    <message>
        <source>New deal</source>
        <translation>New deal</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>Launch</translation>
    </message>
    <message>
        <source>Leader: scan member code or type phone</source>
        <translation>Leader: scan member code or type phone</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Open a group</source>
        <translation>Open a group</translation>
    </message>
    <message>
        <source>Not launched yet: the rules are published at launch.</source>
        <translation>Not launched yet: the rules are published at launch.</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>Amend</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Not launched: the deal can still be changed</source>
        <translation>Not launched: the deal can still be changed</translation>
    </message>
    <message>
        <source>Launch this deal?</source>
        <translation>Launch this deal?</translation>
    </message>
    <message>
        <source>Launch “{product}”? Its rules are published and can then only change in the customers' favour.</source>
        <translation>Launch “{product}”? Its rules are published and can then only change in the customers' favour.</translation>
    </message>
    <message>
        <source>Launched: the rules are published and frozen</source>
        <translation>Launched: the rules are published and frozen</translation>
    </message>
    <message>
        <source>Scan the leader's member code or type the phone first</source>
        <translation>Scan the leader's member code or type the phone first</translation>
    </message>
    <message>
        <source>Group opened</source>
        <translation>Group opened</translation>
    </message>
</context>
<context>
    <name>DrawerScreen</name>
    <message>
        <source>Open a shift: count the float into the drawer</source>
        <translation>Open a shift: count the float into the drawer</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <source>Type how many of each note and coin are in the drawer.</source>
        <translation>Type how many of each note and coin are in the drawer.</translation>
    </message>
    <message>
        <source>Count the float first (type 0 for an empty drawer)</source>
        <translation>Count the float first (type 0 for an empty drawer)</translation>
    </message>
    <message>
        <source>Shift {n} is open</source>
        <translation>Shift {n} is open</translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation>Drawer</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Times</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <source>Reason (bank drop, change float…)</source>
        <translation>Reason (bank drop, change float…)</translation>
    </message>
    <message>
        <source>Record the move</source>
        <translation>Record the move</translation>
    </message>
    <message>
        <source>Print X report</source>
        <translation>Print X report</translation>
    </message>
    <message>
        <source>I take over this drawer</source>
        <translation>I take over this drawer</translation>
    </message>
    <message>
        <source>Count and close the shift…</source>
        <translation>Count and close the shift…</translation>
    </message>
    <message>
        <source>Cash in or out of the drawer</source>
        <translation>Cash in or out of the drawer</translation>
    </message>
    <message>
        <source>Shift {n} · opened {at} by {who} · cashier {cashier}</source>
        <translation>Shift {n} · opened {at} by {who} · cashier {cashier}</translation>
    </message>
    <message>
        <source>Expected in the drawer: {amount}</source>
        <translation>Expected in the drawer: {amount}</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Float</translation>
    </message>
    <message>
        <source>Recorded in the drawer</source>
        <translation>Recorded in the drawer</translation>
    </message>
    <message>
        <source>X report sent to the printer</source>
        <translation>X report sent to the printer</translation>
    </message>
    <message>
        <source>{name} has the drawer now</source>
        <translation>{name} has the drawer now</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unknown kind of settlement line.</source>
        <translation>Unknown kind of settlement line.</translation>
    </message>
    <message>
        <source>A period is a day, a week or a month.</source>
        <translation>A period is a day, a week or a month.</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Welcome to Pinshang Counter</source>
        <translation>Welcome to Pinshang Counter</translation>
    </message>
    <message>
        <source>Name your store and create the owner account. The owner can add managers and cashiers later.</source>
        <translation>Name your store and create the owner account. The owner can add managers and cashiers later.</translation>
    </message>
    <message>
        <source>Work offline for now (pair later on the Platform screen)</source>
        <translation>Work offline for now (pair later on the Platform screen)</translation>
    </message>
    <message>
        <source>Pair with the platform now (a manager has the pairing code)</source>
        <translation>Pair with the platform now (a manager has the pairing code)</translation>
    </message>
    <message>
        <source>The store's data is kept in {folder}</source>
        <translation>The store's data is kept in {folder}</translation>
    </message>
    <message>
        <source>Create owner and start</source>
        <translation>Create owner and start</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Store name</translation>
    </message>
    <message>
        <source>Owner name</source>
        <translation>Owner name</translation>
    </message>
    <message>
        <source>PIN (4–8 digits)</source>
        <translation>PIN (4–8 digits)</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <source>The two PINs differ</source>
        <translation>The two PINs differ</translation>
    </message>
    <message>
        <source>Enter the store's name</source>
        <translation>Enter the store's name</translation>
    </message>
    <message>
        <source>Creating the owner…</source>
        <translation>Creating the owner…</translation>
    </message>
</context>
<context>
    <name>GroupScreen</name>
    <message>
        <source>Scan member code or type phone, then Enter</source>
        <translation>Scan member code or type phone, then Enter</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>Open a new group</source>
        <translation>Open a new group</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Draw</translation>
    </message>
    <message>
        <source>Cancel group</source>
        <translation>Cancel group</translation>
    </message>
    <message>
        <source>Export proof…</source>
        <translation>Export proof…</translation>
    </message>
    <message>
        <source>Print invite</source>
        <translation>Print invite</translation>
    </message>
    <message>
        <source>Reprint deposit slip (COPY)</source>
        <translation>Reprint deposit slip (COPY)</translation>
    </message>
    <message>
        <source>New group of</source>
        <translation>New group of</translation>
    </message>
    <message>
        <source>Reprint vouchers + draw slip (COPY)</source>
        <translation>Reprint vouchers + draw slip (COPY)</translation>
    </message>
    <message>
        <source>Print vouchers + draw slip</source>
        <translation>Print vouchers + draw slip</translation>
    </message>
    <message>
        <source>Reprint refund slips (COPY)</source>
        <translation>Reprint refund slips (COPY)</translation>
    </message>
    <message>
        <source>Print refund slips</source>
        <translation>Print refund slips</translation>
    </message>
    <message>
        <source>Scan the leader's member code or type the phone first</source>
        <translation>Scan the leader's member code or type the phone first</translation>
    </message>
    <message>
        <source>Group opened: scan the next person</source>
        <translation>Group opened: scan the next person</translation>
    </message>
    <message>
        <source>Winner: {names}. Losers refunded: see what to hand back.</source>
        <translation>Winner: {names}. Losers refunded: see what to hand back.</translation>
    </message>
    <message>
        <source>Why is this group cancelled? Every deposit is refunded.</source>
        <translation>Why is this group cancelled? Every deposit is refunded.</translation>
    </message>
    <message>
        <source>Cancel the group</source>
        <translation>Cancel the group</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>No groups yet: open one from a launched deal</source>
        <translation>No groups yet: open one from a launched deal</translation>
    </message>
    <message>
        <source>{taken} / {size} seats</source>
        <translation>{taken} / {size} seats</translation>
    </message>
    <message>
        <source>Group {id} · fill by {deadline} · {k} winner(s)</source>
        <translation>Group {id} · fill by {deadline} · {k} winner(s)</translation>
    </message>
    <message>
        <source>Commitment: {c}</source>
        <translation>Commitment: {c}</translation>
    </message>
    <message>
        <source>Seed (revealed): {s}</source>
        <translation>Seed (revealed): {s}</translation>
    </message>
    <message>
        <source>Voucher {code} valid until {date}</source>
        <translation>Voucher {code} valid until {date}</translation>
    </message>
    <message>
        <source>This group takes nobody: press {key} to open a new group with this leader</source>
        <translation>This group takes nobody: press {key} to open a new group with this leader</translation>
    </message>
    <message>
        <source>Group full: press Draw</source>
        <translation>Group full: press Draw</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>Group cancelled: {amount} refunded</source>
        <translation>Group cancelled: {amount} refunded</translation>
    </message>
    <message>
        <source>Export draw proof</source>
        <translation>Export draw proof</translation>
    </message>
    <message>
        <source>Proof saved to {path}</source>
        <translation>Proof saved to {path}</translation>
    </message>
</context>
<context>
    <name>GroupsScreen</name>
    <message>
        <source>Run this group</source>
        <translation>Run this group</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>All deals</source>
        <translation>All deals</translation>
    </message>
</context>
<context>
    <name>ItemPicker</name>
    <message>
        <source>Scan, or type: pinyin initials, name, barcode</source>
        <translation>Scan, or type: pinyin initials, name, barcode</translation>
    </message>
    <message>
        <source>Nothing on the menu matches “{text}”</source>
        <translation>Nothing on the menu matches “{text}”</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
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
        <translation>{store} · Staff login</translation>
    </message>
    <message>
        <source>Staff login</source>
        <translation>Staff login</translation>
    </message>
    <message>
        <source>Demo mode. PINs: {pins}</source>
        <translation>Demo mode. PINs: {pins}</translation>
    </message>
    <message>
        <source>Choose your name first</source>
        <translation>Choose your name first</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>Checking the PIN…</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>Opening the store…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Pinshang Counter</source>
        <translation>Pinshang Counter</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Member's phone</source>
        <translation>Member's phone</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>No member: scan their member code</source>
        <translation>No member: scan their member code</translation>
    </message>
    <message>
        <source>Apply max coins</source>
        <translation>Apply max coins</translation>
    </message>
    <message>
        <source>No member</source>
        <translation>No member</translation>
    </message>
    <message>
        <source>authorization of {n} coins</source>
        <translation>authorization of {n} coins</translation>
    </message>
    <message>
        <source>balance {n} coins</source>
        <translation>balance {n} coins</translation>
    </message>
    <message>
        <source>offline: coins only with their coin authorization QR</source>
        <translation>offline: coins only with their coin authorization QR</translation>
    </message>
    <message>
        <source>coins: scan their member code or coin authorization</source>
        <translation>coins: scan their member code or coin authorization</translation>
    </message>
    <message>
        <source>this bill allows {n} coins</source>
        <translation>this bill allows {n} coins</translation>
    </message>
    <message>
        <source>applied {n} coins (−{fen})</source>
        <translation>applied {n} coins (−{fen})</translation>
    </message>
</context>
<context>
    <name>MenuItemDialog</name>
    <message>
        <source>Edit menu item</source>
        <translation>Edit menu item</translation>
    </message>
    <message>
        <source>New menu item</source>
        <translation>New menu item</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>Name (Chinese)</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Price (yuan)</source>
        <translation>Price (yuan)</translation>
    </message>
    <message>
        <source>Cost (yuan)</source>
        <translation>Cost (yuan)</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <source>Search: name, English, pinyin initials (zpnc), barcode, SKU</source>
        <translation>Search: name, English, pinyin initials (zpnc), barcode, SKU</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>Add item…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Take off sale / put on sale</source>
        <translation>Take off sale / put on sale</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Import CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} items</translation>
    </message>
    <message>
        <source>Select an item first</source>
        <translation>Select an item first</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>Saved {name}</translation>
    </message>
    <message>
        <source>{name} is on sale again</source>
        <translation>{name} is on sale again</translation>
    </message>
    <message>
        <source>{name} is off sale</source>
        <translation>{name} is off sale</translation>
    </message>
    <message>
        <source>Import the menu from a CSV file</source>
        <translation>Import the menu from a CSV file</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Checking {file}…</translation>
    </message>
    <message>
        <source>Imported {rows} rows: {added} added, {updated} changed, {unchanged} unchanged</source>
        <translation>Imported {rows} rows: {added} added, {updated} changed, {unchanged} unchanged</translation>
    </message>
    <message>
        <source>Row {row}</source>
        <translation>Row {row}</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>The file</translation>
    </message>
    <message>
        <source>Export the menu to a CSV file</source>
        <translation>Export the menu to a CSV file</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exported {count} items to {path}</source>
        <translation>Exported {count} items to {path}</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>Manager approval</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>{name} needs a manager's approval for this action.</source>
        <translation>{name} needs a manager's approval for this action.</translation>
    </message>
    <message>
        <source>There is no manager to approve</source>
        <translation>There is no manager to approve</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>Checking the PIN…</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <source>Pair with the platform</source>
        <translation>Pair with the platform</translation>
    </message>
    <message>
        <source>Counter 1</source>
        <translation>Counter 1</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Pair</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>Platform address</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Pairing code</translation>
    </message>
    <message>
        <source>Name of this terminal</source>
        <translation>Name of this terminal</translation>
    </message>
    <message>
        <source>Ask the platform for a one-time pairing code for this store.</source>
        <translation>Ask the platform for a one-time pairing code for this store.</translation>
    </message>
    <message>
        <source>Use https:// for a platform on the internet. http:// works only for this computer or the local network (192.168.x, 10.x, *.local).</source>
        <translation>Use https:// for a platform on the internet. http:// works only for this computer or the local network (192.168.x, 10.x, *.local).</translation>
    </message>
    <message>
        <source>Pairing…</source>
        <translation>Pairing…</translation>
    </message>
    <message>
        <source>Paired with {store}</source>
        <translation>Paired with {store}</translation>
    </message>
</context>
<context>
    <name>PlatformScreen</name>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>Platform address</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Sync is not available</source>
        <translation>Sync is not available</translation>
    </message>
    <message>
        <source>Re-pair…</source>
        <translation>Re-pair…</translation>
    </message>
    <message>
        <source>Pair…</source>
        <translation>Pair…</translation>
    </message>
    <message>
        <source>{n} record(s) refused by the platform: see Needs attention</source>
        <translation>{n} record(s) refused by the platform: see Needs attention</translation>
    </message>
    <message>
        <source>None: the last sync at {time} went through</source>
        <translation>None: the last sync at {time} went through</translation>
    </message>
    <message>
        <source>None so far</source>
        <translation>None so far</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Paired with {store}</source>
        <translation>Paired with {store}</translation>
    </message>
</context>
<context>
    <name>PrintJobModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Tries</translation>
    </message>
    <message>
        <source>Queued at</source>
        <translation>Queued at</translation>
    </message>
    <message>
        <source>Why it failed</source>
        <translation>Why it failed</translation>
    </message>
    <message>
        <source>(copy)</source>
        <translation>(copy)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>PrintQueueScreen</name>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Reprint (marked COPY)</source>
        <translation>Reprint (marked COPY)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Select a print job first</source>
        <translation>Select a print job first</translation>
    </message>
    <message>
        <source>Printing job {id}…</source>
        <translation>Printing job {id}…</translation>
    </message>
    <message>
        <source>Job {id} printed on {name}</source>
        <translation>Job {id} printed on {name}</translation>
    </message>
</context>
<context>
    <name>PrinterForm</name>
    <message>
        <source>80 mm</source>
        <translation>80 mm</translation>
    </message>
    <message>
        <source>58 mm</source>
        <translation>58 mm</translation>
    </message>
    <message>
        <source>Printer's Chinese mode (GB18030)</source>
        <translation>Printer's Chinese mode (GB18030)</translation>
    </message>
    <message>
        <source>Print Chinese as a picture (any printer)</source>
        <translation>Print Chinese as a picture (any printer)</translation>
    </message>
    <message>
        <source>Printer's own QR command</source>
        <translation>Printer's own QR command</translation>
    </message>
    <message>
        <source>Print QR codes as a picture</source>
        <translation>Print QR codes as a picture</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Chinese text</source>
        <translation>Chinese text</translation>
    </message>
    <message>
        <source>QR codes</source>
        <translation>QR codes</translation>
    </message>
    <message>
        <source>Printer model profile</source>
        <translation>Printer model profile</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Host or IP</source>
        <translation>Host or IP</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Vendor id (hex)</source>
        <translation>Vendor id (hex)</translation>
    </message>
    <message>
        <source>Product id (hex)</source>
        <translation>Product id (hex)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>Baud rate</translation>
    </message>
    <message>
        <source>Windows printer name</source>
        <translation>Windows printer name</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>System printer (empty: default)</source>
        <translation>System printer (empty: default)</translation>
    </message>
    <message>
        <source>Folder for the PDF files</source>
        <translation>Folder for the PDF files</translation>
    </message>
</context>
<context>
    <name>PrinterModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
</context>
<context>
    <name>PrintersScreen</name>
    <message>
        <source>New printer</source>
        <translation>New printer</translation>
    </message>
    <message>
        <source>Save printer</source>
        <translation>Save printer</translation>
    </message>
    <message>
        <source>Remove printer</source>
        <translation>Remove printer</translation>
    </message>
    <message>
        <source>Print test page</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <source>Preview test page</source>
        <translation>Preview test page</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
    <message>
        <source>Which printer prints what</source>
        <translation>Which printer prints what</translation>
    </message>
    <message>
        <source>Each kind of document prints on the printer chosen here.</source>
        <translation>Each kind of document prints on the printer chosen here.</translation>
    </message>
    <message>
        <source>— not printed —</source>
        <translation>— not printed —</translation>
    </message>
    <message>
        <source>Saved printer {name}</source>
        <translation>Saved printer {name}</translation>
    </message>
    <message>
        <source>Select a printer first</source>
        <translation>Select a printer first</translation>
    </message>
    <message>
        <source>Printer removed</source>
        <translation>Printer removed</translation>
    </message>
    <message>
        <source>{kind} now prints on {printer}</source>
        <translation>{kind} now prints on {printer}</translation>
    </message>
    <message>
        <source>Save the printer first</source>
        <translation>Save the printer first</translation>
    </message>
    <message>
        <source>Printing the test page on {name}…</source>
        <translation>Printing the test page on {name}…</translation>
    </message>
    <message>
        <source>Test page printed on {name}</source>
        <translation>Test page printed on {name}</translation>
    </message>
</context>
<context>
    <name>ReconcileScreen</name>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Compare with the platform</source>
        <translation>Compare with the platform</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>{label}: {m} matched · {d} differ · {p} missing on the platform · {h} missing here</source>
        <translation>{label}: {m} matched · {d} differ · {p} missing on the platform · {h} missing here</translation>
    </message>
    <message>
        <source>the platform pays the store</source>
        <translation>the platform pays the store</translation>
    </message>
    <message>
        <source>the store pays the platform</source>
        <translation>the store pays the platform</translation>
    </message>
    <message>
        <source>nothing to pay</source>
        <translation>nothing to pay</translation>
    </message>
    <message>
        <source> (closed)</source>
        <translation> (closed)</translation>
    </message>
    <message>
        <source>Opening {o} · net {n}: {position} · closing {c}{closed}</source>
        <translation>Opening {o} · net {n}: {position} · closing {c}{closed}</translation>
    </message>
    <message>
        <source>{what}: {detail}</source>
        <translation>{what}: {detail}</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>{items} · {paid} + {coins} in coins</source>
        <translation>{items} · {paid} + {coins} in coins</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Here</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Sync is not available</source>
        <translation>Sync is not available</translation>
    </message>
    <message>
        <source>Asking the platform…</source>
        <translation>Asking the platform…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Saved {path}</translation>
    </message>
</context>
<context>
    <name>RedeemScreen</name>
    <message>
        <source>Scan the voucher QR or type its code</source>
        <translation>Scan the voucher QR or type its code</translation>
    </message>
    <message>
        <source>Print a copy of the receipt</source>
        <translation>Print a copy of the receipt</translation>
    </message>
    <message>
        <source>Ready: scan a voucher</source>
        <translation>Ready: scan a voucher</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Winner {winner} · code {code} · receipt printed</source>
        <translation>Winner {winner} · code {code} · receipt printed</translation>
    </message>
    <message>
        <source>Winner {winner} · code {code} · receipt not printed: see the notice</source>
        <translation>Winner {winner} · code {code} · receipt not printed: see the notice</translation>
    </message>
    <message>
        <source>✔ Redeemed: hand over {product}</source>
        <translation>✔ Redeemed: hand over {product}</translation>
    </message>
    <message>
        <source>✖ Already redeemed</source>
        <translation>✖ Already redeemed</translation>
    </message>
    <message>
        <source>✖ Expired</source>
        <translation>✖ Expired</translation>
    </message>
    <message>
        <source>✖ Not for this store</source>
        <translation>✖ Not for this store</translation>
    </message>
    <message>
        <source>✖ Forged or altered: do not accept</source>
        <translation>✖ Forged or altered: do not accept</translation>
    </message>
    <message>
        <source>✖ Signed after its terminal was revoked: do not accept</source>
        <translation>✖ Signed after its terminal was revoked: do not accept</translation>
    </message>
    <message>
        <source>✖ Not a voucher we can read: scan again or type the code</source>
        <translation>✖ Not a voucher we can read: scan again or type the code</translation>
    </message>
    <message>
        <source>✖ No voucher has this code</source>
        <translation>✖ No voucher has this code</translation>
    </message>
    <message>
        <source>Winner {winner} · code {code} · receipt printing</source>
        <translation>Winner {winner} · code {code} · receipt printing</translation>
    </message>
    <message>
        <source>{product} was redeemed on {when} at {terminal} by {staff}</source>
        <translation>{product} was redeemed on {when} at {terminal} by {staff}</translation>
    </message>
    <message>
        <source>{product}: valid until {date}</source>
        <translation>{product}: valid until {date}</translation>
    </message>
</context>
<context>
    <name>RedemptionsScreen</name>
    <message>
        <source>Code, product, staff…</source>
        <translation>Code, product, staff…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Redeemed</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Redeemed at</source>
        <translation>Redeemed at</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Why it is reversed</source>
        <translation>Why it is reversed</translation>
    </message>
    <message>
        <source>Reverse the selected redemption</source>
        <translation>Reverse the selected redemption</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>{month}/{day}: {n}</source>
        <translation>{month}/{day}: {n}</translation>
    </message>
    <message>
        <source>{n} redeemed</source>
        <translation>{n} redeemed</translation>
    </message>
    <message>
        <source>Reversed {at} by {who}: {why}</source>
        <translation>Reversed {at} by {who}: {why}</translation>
    </message>
    <message>
        <source>Choose a redemption that stands</source>
        <translation>Choose a redemption that stands</translation>
    </message>
    <message>
        <source>Say why it is reversed</source>
        <translation>Say why it is reversed</translation>
    </message>
    <message>
        <source>Reversed: the voucher can be redeemed again</source>
        <translation>Reversed: the voucher can be redeemed again</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Chosen days</source>
        <translation>Chosen days</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Report to PDF…</source>
        <translation>Report to PDF…</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Tender</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Group deals</source>
        <translation>Group deals</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>By day</translation>
    </message>
    <message>
        <source>By tender</source>
        <translation>By tender</translation>
    </message>
    <message>
        <source>Top items</source>
        <translation>Top items</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>{start} – {end}: {n} sales, {total} (average {average}) · {r} vouchers redeemed</source>
        <translation>{start} – {end}: {n} sales, {total} (average {average}) · {r} vouchers redeemed</translation>
    </message>
    <message>
        <source>Coin discounts: {n} sales, {coins} coins, {fen}</source>
        <translation>Coin discounts: {n} sales, {coins} coins, {fen}</translation>
    </message>
    <message>
        <source>Sales that used coins</source>
        <translation>Sales that used coins</translation>
    </message>
    <message>
        <source>Coins taken</source>
        <translation>Coins taken</translation>
    </message>
    <message>
        <source>Coin discounts (¥)</source>
        <translation>Coin discounts (¥)</translation>
    </message>
    <message>
        <source>Share of the bills paid with coins</source>
        <translation>Share of the bills paid with coins</translation>
    </message>
    <message>
        <source>Groups opened</source>
        <translation>Groups opened</translation>
    </message>
    <message>
        <source>Groups filled</source>
        <translation>Groups filled</translation>
    </message>
    <message>
        <source>Groups drawn</source>
        <translation>Groups drawn</translation>
    </message>
    <message>
        <source>Groups expired</source>
        <translation>Groups expired</translation>
    </message>
    <message>
        <source>Groups cancelled</source>
        <translation>Groups cancelled</translation>
    </message>
    <message>
        <source>Deposits taken</source>
        <translation>Deposits taken</translation>
    </message>
    <message>
        <source>Deposits held now</source>
        <translation>Deposits held now</translation>
    </message>
    <message>
        <source>Consolation cash paid</source>
        <translation>Consolation cash paid</translation>
    </message>
    <message>
        <source>Vouchers redeemed</source>
        <translation>Vouchers redeemed</translation>
    </message>
    <message>
        <source>Coin discounts</source>
        <translation>Coin discounts</translation>
    </message>
    <message>
        <source>Sales by hour (¥)</source>
        <translation>Sales by hour (¥)</translation>
    </message>
    <message>
        <source>Sales by day (¥)</source>
        <translation>Sales by day (¥)</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>opened</translation>
    </message>
    <message>
        <source>filled</source>
        <translation>filled</translation>
    </message>
    <message>
        <source>drawn</source>
        <translation>drawn</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Report to PDF</source>
        <translation>Report to PDF</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Saved {path}</translation>
    </message>
</context>
<context>
    <name>SalesHistoryScreen</name>
    <message>
        <source>Scan or type a receipt number</source>
        <translation>Scan or type a receipt number</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Any payment</source>
        <translation>Any payment</translation>
    </message>
    <message>
        <source>Coins used</source>
        <translation>Coins used</translation>
    </message>
    <message>
        <source>Voided or not</source>
        <translation>Voided or not</translation>
    </message>
    <message>
        <source>Not voided</source>
        <translation>Not voided</translation>
    </message>
    <message>
        <source>Voided only</source>
        <translation>Voided only</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Coins</source>
        <translation>Coins</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Refund qty</source>
        <translation>Refund qty</translation>
    </message>
    <message>
        <source>Reason for a refund or void</source>
        <translation>Reason for a refund or void</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Refund chosen</source>
        <translation>Refund chosen</translation>
    </message>
    <message>
        <source>Refund all</source>
        <translation>Refund all</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>Refunded {fen}</source>
        <translation>Refunded {fen}</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>No sale chosen</source>
        <translation>No sale chosen</translation>
    </message>
    <message>
        <source>{n} coins −{fen}</source>
        <translation>{n} coins −{fen}</translation>
    </message>
    <message>
        <source>change {fen}</source>
        <translation>change {fen}</translation>
    </message>
    <message>
        <source>{no}: {fen} back ({reason})</source>
        <translation>{no}: {fen} back ({reason})</translation>
    </message>
    <message>
        <source>Choose how many of which lines to refund</source>
        <translation>Choose how many of which lines to refund</translation>
    </message>
    <message>
        <source> · {n} coins back to the member</source>
        <translation> · {n} coins back to the member</translation>
    </message>
    <message>
        <source>{no}: give back {back}{coins}</source>
        <translation>{no}: give back {back}{coins}</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>About Pinshang Counter…</source>
        <translation>About Pinshang Counter…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Store name</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>SettlementModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Here</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Pinshang Counter</source>
        <translation>Pinshang Counter</translation>
    </message>
    <message>
        <source>Cannot log out</source>
        <translation>Cannot log out</translation>
    </message>
</context>
<context>
    <name>ShiftCloseScreen</name>
    <message>
        <source>Close the shift: count the drawer</source>
        <translation>Close the shift: count the drawer</translation>
    </message>
    <message>
        <source>Why the drawer is off (needed beyond the limit)</source>
        <translation>Why the drawer is off (needed beyond the limit)</translation>
    </message>
    <message>
        <source>Close shift and print the Z report</source>
        <translation>Close shift and print the Z report</translation>
    </message>
    <message>
        <source>Print the Z report again</source>
        <translation>Print the Z report again</translation>
    </message>
    <message>
        <source>No shift is open</source>
        <translation>No shift is open</translation>
    </message>
    <message>
        <source>Expected {amount}</source>
        <translation>Expected {amount}</translation>
    </message>
    <message>
        <source>Counted: not yet</source>
        <translation>Counted: not yet</translation>
    </message>
    <message>
        <source>Counted {amount}</source>
        <translation>Counted {amount}</translation>
    </message>
    <message>
        <source>Even</source>
        <translation>Even</translation>
    </message>
    <message>
        <source>Over {amount}</source>
        <translation>Over {amount}</translation>
    </message>
    <message>
        <source>Short {amount}</source>
        <translation>Short {amount}</translation>
    </message>
    <message>
        <source>Count the drawer first (type 0 where there is none)</source>
        <translation>Count the drawer first (type 0 where there is none)</translation>
    </message>
    <message>
        <source>The drawer is off by more than {limit}: say why</source>
        <translation>The drawer is off by more than {limit}: say why</translation>
    </message>
    <message>
        <source>Shift closed: Z report #{n}</source>
        <translation>Shift closed: Z report #{n}</translation>
    </message>
    <message>
        <source>not printed: {why}</source>
        <translation>not printed: {why}</translation>
    </message>
    <message>
        <source>Z report sent to the printer</source>
        <translation>Z report sent to the printer</translation>
    </message>
    <message>
        <source>Gave ¥3.50 too much change</source>
        <translation>Gave ¥3.50 too much change</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>Locked until {time}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <source>Add staff member</source>
        <translation>Add staff member</translation>
    </message>
    <message>
        <source>Deactivate / reactivate</source>
        <translation>Deactivate / reactivate</translation>
    </message>
    <message>
        <source>Set new PIN…</source>
        <translation>Set new PIN…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Select a staff member first</source>
        <translation>Select a staff member first</translation>
    </message>
    <message>
        <source>Added {name}</source>
        <translation>Added {name}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>New PIN (4–8 digits)</source>
        <translation>New PIN (4–8 digits)</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>PIN changed</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Unlocked</translation>
    </message>
</context>
<context>
    <name>TenderDialog</name>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Amount received ¥</source>
        <translation>Amount received ¥</translation>
    </message>
    <message>
        <source>Reference (optional)</source>
        <translation>Reference (optional)</translation>
    </message>
    <message>
        <source>Add payment</source>
        <translation>Add payment</translation>
    </message>
    <message>
        <source>Remove payment</source>
        <translation>Remove payment</translation>
    </message>
    <message>
        <source>Complete sale</source>
        <translation>Complete sale</translation>
    </message>
    <message>
        <source>Back to the bill</source>
        <translation>Back to the bill</translation>
    </message>
    <message>
        <source>Type the amount paid</source>
        <translation>Type the amount paid</translation>
    </message>
    <message>
        <source>Card and app payments cannot be more than what is due: only cash gives change</source>
        <translation>Card and app payments cannot be more than what is due: only cash gives change</translation>
    </message>
    <message>
        <source>Change {fen}</source>
        <translation>Change {fen}</translation>
    </message>
    <message>
        <source>Bill {fen}</source>
        <translation>Bill {fen}</translation>
    </message>
    <message>
        <source>Received {fen}</source>
        <translation>Received {fen}</translation>
    </message>
    <message>
        <source>Still due {fen}</source>
        <translation>Still due {fen}</translation>
    </message>
    <message>
        <source>Completing the sale…</source>
        <translation>Completing the sale…</translation>
    </message>
    <message>
        <source>Taking the coins on the platform…</source>
        <translation>Taking the coins on the platform…</translation>
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
        <translation>Export CSV</translation>
    </message>
</context>
<context>
    <name>attention</name>
    <message>
        <source>The platform will never accept this record. Check it against the paper records, correct it at the counter if needed (e.g. a new sale), then mark it resolved.</source>
        <translation>The platform will never accept this record. Check it against the paper records, correct it at the counter if needed (e.g. a new sale), then mark it resolved.</translation>
    </message>
    <message>
        <source>Another terminal redeemed this voucher first; the platform kept that one. Check with the customer and the staff who served them; if the product was given twice, record it as a loss, then mark this resolved.</source>
        <translation>Another terminal redeemed this voucher first; the platform kept that one. Check with the customer and the staff who served them; if the product was given twice, record it as a loss, then mark this resolved.</translation>
    </message>
    <message>
        <source>The platform does not know the member this sale names, so no alliance share is due for it. Check the member on the receipt with the staff who rang it up; if it was a mistake, nothing else is needed. Then mark this resolved.</source>
        <translation>The platform does not know the member this sale names, so no alliance share is due for it. Check the member on the receipt with the staff who rang it up; if it was a mistake, nothing else is needed. Then mark this resolved.</translation>
    </message>
    <message>
        <source>The platform's figures differ from this Z report. Compare the Z report with the sales history of that shift and the platform's reconciliation, then mark this resolved.</source>
        <translation>The platform's figures differ from this Z report. Compare the Z report with the sales history of that shift and the platform's reconciliation, then mark this resolved.</translation>
    </message>
    <message>
        <source>The platform holds a longer audit history of this terminal than the one it now sent: the terminal's data was restored from an older copy, or replaced. Find out which copy of the data this counter runs on and why, then mark this resolved.</source>
        <translation>The platform holds a longer audit history of this terminal than the one it now sent: the terminal's data was restored from an older copy, or replaced. Find out which copy of the data this counter runs on and why, then mark this resolved.</translation>
    </message>
    <message>
        <source>This terminal's data was restored from an older copy. The records made since then were renumbered and sent; nothing was lost from this terminal. Records made on the lost data after the copy was taken are on the platform only: compare the day's paper records with the platform's reconciliation, then mark this resolved.</source>
        <translation>This terminal's data was restored from an older copy. The records made since then were renumbered and sent; nothing was lost from this terminal. Records made on the lost data after the copy was taken are on the platform only: compare the day's paper records with the platform's reconciliation, then mark this resolved.</translation>
    </message>
    <message>
        <source>The platform's data was restored from an older copy and had lost records of this terminal. The records this terminal still keeps were sent again. If some could not be sent (see the reason), enter them again from the paper records, then mark this resolved.</source>
        <translation>The platform's data was restored from an older copy and had lost records of this terminal. The records this terminal still keeps were sent again. If some could not be sent (see the reason), enter them again from the paper records, then mark this resolved.</translation>
    </message>
</context>
<context>
    <name>catalogue</name>
    <message>
        <source>(no category)</source>
        <translation>(no category)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The deal ends too far in the future</source>
        <translation>The deal ends too far in the future</translation>
    </message>
    <message>
        <source>The product needs a name</source>
        <translation>The product needs a name</translation>
    </message>
    <message>
        <source>The product name is longer than {max} characters</source>
        <translation>The product name is longer than {max} characters</translation>
    </message>
    <message>
        <source>The draw method must be stated</source>
        <translation>The draw method must be stated</translation>
    </message>
    <message>
        <source>market value</source>
        <translation>market value</translation>
    </message>
    <message>
        <source>product cost</source>
        <translation>product cost</translation>
    </message>
    <message>
        <source>group price</source>
        <translation>group price</translation>
    </message>
    <message>
        <source>leader reward</source>
        <translation>leader reward</translation>
    </message>
    <message>
        <source>consolation cash</source>
        <translation>consolation cash</translation>
    </message>
    <message>
        <source>consolation coins</source>
        <translation>consolation coins</translation>
    </message>
    <message>
        <source>formation reward</source>
        <translation>formation reward</translation>
    </message>
    <message>
        <source>promotion budget</source>
        <translation>promotion budget</translation>
    </message>
    <message>
        <source>The {what} cannot be negative</source>
        <translation>The {what} cannot be negative</translation>
    </message>
    <message>
        <source>The group price must be more than zero</source>
        <translation>The group price must be more than zero</translation>
    </message>
    <message>
        <source>A leader reward needs the leader to be excluded from the draw</source>
        <translation>A leader reward needs the leader to be excluded from the draw</translation>
    </message>
    <message>
        <source>A group needs at least 2 people</source>
        <translation>A group needs at least 2 people</translation>
    </message>
    <message>
        <source>A draw needs at least 1 winner</source>
        <translation>A draw needs at least 1 winner</translation>
    </message>
    <message>
        <source>There must be fewer winners ({k}) than people ({n})</source>
        <translation>There must be fewer winners ({k}) than people ({n})</translation>
    </message>
    <message>
        <source>With the leader excluded, at most {m} of {n} people can win</source>
        <translation>With the leader excluded, at most {m} of {n} people can win</translation>
    </message>
    <message>
        <source>The fill deadline must be between now and 30 days</source>
        <translation>The fill deadline must be between now and 30 days</translation>
    </message>
    <message>
        <source>maximum of open groups</source>
        <translation>maximum of open groups</translation>
    </message>
    <message>
        <source>per-member limit</source>
        <translation>per-member limit</translation>
    </message>
    <message>
        <source>redemption period in days</source>
        <translation>redemption period in days</translation>
    </message>
    <message>
        <source>The {what} must be at least 1</source>
        <translation>The {what} must be at least 1</translation>
    </message>
    <message>
        <source>The per-member limit cannot exceed the group size</source>
        <translation>The per-member limit cannot exceed the group size</translation>
    </message>
    <message>
        <source>The redemption period is longer than 10 years</source>
        <translation>The redemption period is longer than 10 years</translation>
    </message>
    <message>
        <source>The {what} must be a whole number</source>
        <translation>The {what} must be a whole number</translation>
    </message>
    <message>
        <source>The draw seed must be 32 bytes</source>
        <translation>The draw seed must be 32 bytes</translation>
    </message>
    <message>
        <source>Entry id “{id}” is empty or not unique</source>
        <translation>Entry id “{id}” is empty or not unique</translation>
    </message>
    <message>
        <source>Entry {id} has a bad nonce</source>
        <translation>Entry {id} has a bad nonce</translation>
    </message>
    <message>
        <source>The number of winners must be between 1 and {m}</source>
        <translation>The number of winners must be between 1 and {m}</translation>
    </message>
    <message>
        <source>The draw proof checks out: winners {winners}</source>
        <translation>The draw proof checks out: winners {winners}</translation>
    </message>
    <message>
        <source>The proof is not UTF-8 text</source>
        <translation>The proof is not UTF-8 text</translation>
    </message>
    <message>
        <source>The proof is not valid JSON</source>
        <translation>The proof is not valid JSON</translation>
    </message>
    <message>
        <source>The proof must be a JSON object</source>
        <translation>The proof must be a JSON object</translation>
    </message>
    <message>
        <source>Wrong version {found!r}: this checker knows {expected}</source>
        <translation>Wrong version {found!r}: this checker knows {expected}</translation>
    </message>
    <message>
        <source>The beacon is signed under the key {found}, not the platform's key {expected}</source>
        <translation>The beacon is signed under the key {found}, not the platform's key {expected}</translation>
    </message>
    <message>
        <source>The beacon is not the platform key's signature over this group, commitment and entries</source>
        <translation>The beacon is not the platform key's signature over this group, commitment and entries</translation>
    </message>
    <message>
        <source>The field “{field}” must be {digits} lower-case hex digits ({size} bytes)</source>
        <translation>The field “{field}” must be {digits} lower-case hex digits ({size} bytes)</translation>
    </message>
    <message>
        <source>The field “{field}” is missing</source>
        <translation>The field “{field}” is missing</translation>
    </message>
    <message>
        <source>The field “{field}” must be {kind}</source>
        <translation>The field “{field}” must be {kind}</translation>
    </message>
    <message>
        <source>Unexpected field “{field}”</source>
        <translation>Unexpected field “{field}”</translation>
    </message>
    <message>
        <source>Every winner must be an entry id string</source>
        <translation>Every winner must be an entry id string</translation>
    </message>
    <message>
        <source>The seed must be 64 lower-case hex digits (32 bytes)</source>
        <translation>The seed must be 64 lower-case hex digits (32 bytes)</translation>
    </message>
    <message>
        <source>Commitment mismatch: SHA-256 of the seed is {actual}, the proof's commitment is {published}</source>
        <translation>Commitment mismatch: SHA-256 of the seed is {actual}, the proof's commitment is {published}</translation>
    </message>
    <message>
        <source>Duplicate entry id “{id}”</source>
        <translation>Duplicate entry id “{id}”</translation>
    </message>
    <message>
        <source>Entry {n} must be an object with entry_id, nonce and eligible</source>
        <translation>Entry {n} must be an object with entry_id, nonce and eligible</translation>
    </message>
    <message>
        <source>Entry {n} has an empty or non-string entry_id</source>
        <translation>Entry {n} has an empty or non-string entry_id</translation>
    </message>
    <message>
        <source>Entry {id}: eligible must be true or false</source>
        <translation>Entry {id}: eligible must be true or false</translation>
    </message>
    <message>
        <source>Entry {id} has a bad nonce: it must be lower-case hex of at least 16 bytes</source>
        <translation>Entry {id} has a bad nonce: it must be lower-case hex of at least 16 bytes</translation>
    </message>
    <message>
        <source>k is {k}, out of range: it must be between 1 and the {m} eligible entries</source>
        <translation>k is {k}, out of range: it must be between 1 and the {m} eligible entries</translation>
    </message>
    <message>
        <source>Winner {i} differs: expected {expected}, the proof says {found}</source>
        <translation>Winner {i} differs: expected {expected}, the proof says {found}</translation>
    </message>
    <message>
        <source>Wrong number of winners: the proof lists {found}, k is {k}</source>
        <translation>Wrong number of winners: the proof lists {found}, k is {k}</translation>
    </message>
    <message>
        <source>group full</source>
        <translation>group full</translation>
    </message>
    <message>
        <source>member limit reached</source>
        <translation>member limit reached</translation>
    </message>
    <message>
        <source>group not open</source>
        <translation>group not open</translation>
    </message>
    <message>
        <source>A group that is {state} cannot {event}</source>
        <translation>A group that is {state} cannot {event}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>full</source>
        <translation>full</translation>
    </message>
    <message>
        <source>drawn</source>
        <translation>drawn</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>settled</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>fill</source>
        <translation>fill</translation>
    </message>
    <message>
        <source>draw</source>
        <translation>draw</translation>
    </message>
    <message>
        <source>settle</source>
        <translation>settle</translation>
    </message>
    <message>
        <source>expire</source>
        <translation>expire</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>refund</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>cancel</translation>
    </message>
    <message>
        <source>The group is {state}: nobody can join</source>
        <translation>The group is {state}: nobody can join</translation>
    </message>
    <message>
        <source>The group is full</source>
        <translation>The group is full</translation>
    </message>
    <message>
        <source>This member already holds {count} of {limit} allowed seats</source>
        <translation>This member already holds {count} of {limit} allowed seats</translation>
    </message>
    <message>
        <source>A transfer amount must be positive</source>
        <translation>A transfer amount must be positive</translation>
    </message>
    <message>
        <source>A transfer needs two different accounts</source>
        <translation>A transfer needs two different accounts</translation>
    </message>
    <message>
        <source>Only post and void name a pending transfer</source>
        <translation>Only post and void name a pending transfer</translation>
    </message>
    <message>
        <source>Transfer {id} exists already</source>
        <translation>Transfer {id} exists already</translation>
    </message>
    <message>
        <source>No pending transfer {id}</source>
        <translation>No pending transfer {id}</translation>
    </message>
    <message>
        <source>Pending transfer {id} was already posted or voided</source>
        <translation>Pending transfer {id} was already posted or voided</translation>
    </message>
    <message>
        <source>Post or void must match its pending transfer</source>
        <translation>Post or void must match its pending transfer</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money, e.g. 12.50</source>
        <translation>“{text}” is not an amount of money, e.g. 12.50</translation>
    </message>
    <message>
        <source>The amount cannot be negative</source>
        <translation>The amount cannot be negative</translation>
    </message>
    <message>
        <source>“{text}” is not a percentage, e.g. 12.5%</source>
        <translation>“{text}” is not a percentage, e.g. 12.5%</translation>
    </message>
    <message>
        <source>A rate must be between 0% and 100%</source>
        <translation>A rate must be between 0% and 100%</translation>
    </message>
    <message>
        <source>The amount is too large</source>
        <translation>The amount is too large</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits</source>
        <translation>A PIN is 4 to 8 digits</translation>
    </message>
    <message>
        <source>A name is 1 to 64 characters</source>
        <translation>A name is 1 to 64 characters</translation>
    </message>
    <message>
        <source>A QR code needs 1 to {limit} bytes of content, got {size}</source>
        <translation>A QR code needs 1 to {limit} bytes of content, got {size}</translation>
    </message>
    <message>
        <source>No Chinese font was found. Install one (e.g. fonts-wqy-microhei or Noto Sans CJK) or put a .ttf/.ttc file in {folder}</source>
        <translation>No Chinese font was found. Install one (e.g. fonts-wqy-microhei or Noto Sans CJK) or put a .ttf/.ttc file in {folder}</translation>
    </message>
    <message>
        <source>Paper width must be 58 or 80 mm (or 105 for A6), got {width}</source>
        <translation>Paper width must be 58 or 80 mm (or 105 for A6), got {width}</translation>
    </message>
    <message>
        <source>{what} must be a whole number of at least zero</source>
        <translation>{what} must be a whole number of at least zero</translation>
    </message>
    <message>
        <source>The number of winners must be between 1 and {pool}</source>
        <translation>The number of winners must be between 1 and {pool}</translation>
    </message>
    <message>
        <source>A draw slip needs at least one winner</source>
        <translation>A draw slip needs at least one winner</translation>
    </message>
    <message>
        <source>A receipt needs at least one item</source>
        <translation>A receipt needs at least one item</translation>
    </message>
    <message>
        <source>Coins cannot pay more than the subtotal of {subtotal}</source>
        <translation>Coins cannot pay more than the subtotal of {subtotal}</translation>
    </message>
    <message>
        <source>{name} may not do this ({permission}); ask a manager</source>
        <translation>{name} may not do this ({permission}); ask a manager</translation>
    </message>
    <message>
        <source>This store already has an owner</source>
        <translation>This store already has an owner</translation>
    </message>
    <message>
        <source>There is already a staff member called {name}</source>
        <translation>There is already a staff member called {name}</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself</source>
        <translation>You cannot deactivate yourself</translation>
    </message>
    <message>
        <source>{name} is no longer active</source>
        <translation>{name} is no longer active</translation>
    </message>
    <message>
        <source>Wrong PIN. {left} tries left before a lock of {minutes} min.</source>
        <translation>Wrong PIN. {left} tries left before a lock of {minutes} min.</translation>
    </message>
    <message>
        <source>{name} may not approve this</source>
        <translation>{name} may not approve this</translation>
    </message>
    <message>
        <source>Only an owner can manage an owner or a higher role</source>
        <translation>Only an owner can manage an owner or a higher role</translation>
    </message>
    <message>
        <source>{name} is locked after 5 wrong PINs until {until}</source>
        <translation>{name} is locked after 5 wrong PINs until {until}</translation>
    </message>
    <message>
        <source>No such staff member</source>
        <translation>No such staff member</translation>
    </message>
    <message>
        <source>The database {path} was made by a newer version of Pinshang Counter (schema {revision}). Update the app to open it.</source>
        <translation>The database {path} was made by a newer version of Pinshang Counter (schema {revision}). Update the app to open it.</translation>
    </message>
    <message>
        <source>The database {path} is damaged or not a Pinshang database. Restore it from a backup or choose another data folder.</source>
        <translation>The database {path} is damaged or not a Pinshang database. Restore it from a backup or choose another data folder.</translation>
    </message>
    <message>
        <source>Cannot write to {path}. Check the folder's permissions or choose another data folder.</source>
        <translation>Cannot write to {path}. Check the folder's permissions or choose another data folder.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again.</source>
        <translation>The disk is full. Free some space and try again.</translation>
    </message>
    <message>
        <source>The disk reported an error while writing {path}. Check the disk, then try again.</source>
        <translation>The disk reported an error while writing {path}. Check the disk, then try again.</translation>
    </message>
    <message>
        <source>The database is busy. Try again in a moment.</source>
        <translation>The database is busy. Try again in a moment.</translation>
    </message>
    <message>
        <source>Cannot open the database {path}: {detail}</source>
        <translation>Cannot open the database {path}: {detail}</translation>
    </message>
    <message>
        <source>The prize is worth {value}; a lottery prize may not exceed {cap}</source>
        <translation>The prize is worth {value}; a lottery prize may not exceed {cap}</translation>
    </message>
    <message>
        <source>The consolation coins are worth {worth}, more than the group price {price}</source>
        <translation>The consolation coins are worth {worth}, more than the group price {price}</translation>
    </message>
    <message>
        <source>“{field}” cannot change from {before} to {after} after launch: only changes in the customer's favour are allowed</source>
        <translation>“{field}” cannot change from {before} to {after} after launch: only changes in the customer's favour are allowed</translation>
    </message>
    <message>
        <source>The disclosure needs the {what}</source>
        <translation>The disclosure needs the {what}</translation>
    </message>
    <message>
        <source>store name</source>
        <translation>store name</translation>
    </message>
    <message>
        <source>organiser's contact</source>
        <translation>organiser's contact</translation>
    </message>
    <message>
        <source>draw time</source>
        <translation>draw time</translation>
    </message>
    <message>
        <source>redemption place</source>
        <translation>redemption place</translation>
    </message>
    <message>
        <source>Each seat needs its own entry and hold</source>
        <translation>Each seat needs its own entry and hold</translation>
    </message>
    <message>
        <source>Every seat must have paid a deposit</source>
        <translation>Every seat must have paid a deposit</translation>
    </message>
    <message>
        <source>A group has only one leader</source>
        <translation>A group has only one leader</translation>
    </message>
    <message>
        <source>Only a full group is settled: {taken} of {n} seats</source>
        <translation>Only a full group is settled: {taken} of {n} seats</translation>
    </message>
    <message>
        <source>The excluded leader's seat is missing</source>
        <translation>The excluded leader's seat is missing</translation>
    </message>
    <message>
        <source>The draw must have {k} different winners</source>
        <translation>The draw must have {k} different winners</translation>
    </message>
    <message>
        <source>Winner {id} is not an eligible seat of this group</source>
        <translation>Winner {id} is not an eligible seat of this group</translation>
    </message>
    <message>
        <source>Valid voucher</source>
        <translation>Valid voucher</translation>
    </message>
    <message>
        <source>This voucher has expired</source>
        <translation>This voucher has expired</translation>
    </message>
    <message>
        <source>This voucher belongs to another store</source>
        <translation>This voucher belongs to another store</translation>
    </message>
    <message>
        <source>This voucher is forged or altered: do not accept it</source>
        <translation>This voucher is forged or altered: do not accept it</translation>
    </message>
    <message>
        <source>Signed after its terminal's key was retired or revoked: do not accept it</source>
        <translation>Signed after its terminal's key was retired or revoked: do not accept it</translation>
    </message>
    <message>
        <source>This code cannot be read as a voucher</source>
        <translation>This code cannot be read as a voucher</translation>
    </message>
    <message>
        <source>The voucher's key id is not the signing key's</source>
        <translation>The voucher's key id is not the signing key's</translation>
    </message>
    <message>
        <source>The {what} must be {n} lower-case hex digits</source>
        <translation>The {what} must be {n} lower-case hex digits</translation>
    </message>
    <message>
        <source>Voucher times need a time zone</source>
        <translation>Voucher times need a time zone</translation>
    </message>
    <message>
        <source>Voucher time out of range</source>
        <translation>Voucher time out of range</translation>
    </message>
    <message>
        <source>“{text}” must be 1 to 255 bytes long on a voucher</source>
        <translation>“{text}” must be 1 to 255 bytes long on a voucher</translation>
    </message>
    <message>
        <source>Internal error ({kind}); it was logged</source>
        <translation>Internal error ({kind}); it was logged</translation>
    </message>
    <message>
        <source>No printer is set up for “{kind}”; choose one in Printers</source>
        <translation>No printer is set up for “{kind}”; choose one in Printers</translation>
    </message>
    <message>
        <source>Printer “{name}” is switched off in Printers</source>
        <translation>Printer “{name}” is switched off in Printers</translation>
    </message>
    <message>
        <source>System printers can only be used from the app window</source>
        <translation>System printers can only be used from the app window</translation>
    </message>
    <message>
        <source>Cannot use the folder {path}: {reason}</source>
        <translation>Cannot use the folder {path}: {reason}</translation>
    </message>
    <message>
        <source>Printer settings: {problem}</source>
        <translation>Printer settings: {problem}</translation>
    </message>
    <message>
        <source>paper must be 58 or 80 mm</source>
        <translation>paper must be 58 or 80 mm</translation>
    </message>
    <message>
        <source>Chinese mode must be gb18030 or image</source>
        <translation>Chinese mode must be gb18030 or image</translation>
    </message>
    <message>
        <source>QR mode must be native or image</source>
        <translation>QR mode must be native or image</translation>
    </message>
    <message>
        <source>unknown connection kind</source>
        <translation>unknown connection kind</translation>
    </message>
    <message>
        <source>the timeout must be positive</source>
        <translation>the timeout must be positive</translation>
    </message>
    <message>
        <source>the network printer needs a host</source>
        <translation>the network printer needs a host</translation>
    </message>
    <message>
        <source>the port must be 1 to 65535</source>
        <translation>the port must be 1 to 65535</translation>
    </message>
    <message>
        <source>the USB printer needs a vendor id</source>
        <translation>the USB printer needs a vendor id</translation>
    </message>
    <message>
        <source>the serial printer needs a device</source>
        <translation>the serial printer needs a device</translation>
    </message>
    <message>
        <source>choose a Windows printer</source>
        <translation>choose a Windows printer</translation>
    </message>
    <message>
        <source>Unknown printer profile “{profile}”</source>
        <translation>Unknown printer profile “{profile}”</translation>
    </message>
    <message>
        <source>Printer “{name}” at {address} did not print: {reason}</source>
        <translation>Printer “{name}” at {address} did not print: {reason}</translation>
    </message>
    <message>
        <source>the connection was refused (is the printer on and is the port right?)</source>
        <translation>the connection was refused (is the printer on and is the port right?)</translation>
    </message>
    <message>
        <source>no answer in time (check the network and the printer's address)</source>
        <translation>no answer in time (check the network and the printer's address)</translation>
    </message>
    <message>
        <source>the printer's address cannot be reached</source>
        <translation>the printer's address cannot be reached</translation>
    </message>
    <message>
        <source>the host name is unknown</source>
        <translation>the host name is unknown</translation>
    </message>
    <message>
        <source>no such device (is it plugged in and switched on?)</source>
        <translation>no such device (is it plugged in and switched on?)</translation>
    </message>
    <message>
        <source>the printer is out of paper</source>
        <translation>the printer is out of paper</translation>
    </message>
    <message>
        <source>USB printing needs the pyusb package and libusb</source>
        <translation>USB printing needs the pyusb package and libusb</translation>
    </message>
    <message>
        <source>serial printing needs the pyserial package</source>
        <translation>serial printing needs the pyserial package</translation>
    </message>
    <message>
        <source>Windows raw printing needs pywin32 (Windows only)</source>
        <translation>Windows raw printing needs pywin32 (Windows only)</translation>
    </message>
    <message>
        <source>the printer closed the connection</source>
        <translation>the printer closed the connection</translation>
    </message>
    <message>
        <source>No Chinese font could be loaded for printing</source>
        <translation>No Chinese font could be loaded for printing</translation>
    </message>
    <message>
        <source>Could not write the picture to {path}</source>
        <translation>Could not write the picture to {path}</translation>
    </message>
    <message>
        <source>Could not write the PDF to {path}</source>
        <translation>Could not write the PDF to {path}</translation>
    </message>
    <message>
        <source>The printer “{name}” is not available</source>
        <translation>The printer “{name}” is not available</translation>
    </message>
    <message>
        <source>Unknown template “{name}”; choose one of {names}</source>
        <translation>Unknown template “{name}”; choose one of {names}</translation>
    </message>
    <message>
        <source>Cannot write “{suffix}” files; use .png, .pdf or .bin</source>
        <translation>Cannot write “{suffix}” files; use .png, .pdf or .bin</translation>
    </message>
    <message>
        <source>ESC/POS output is for 58 or 80 mm thermal paper</source>
        <translation>ESC/POS output is for 58 or 80 mm thermal paper</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>Could not write {path}: {reason}</translation>
    </message>
    <message>
        <source>The stored print document is damaged: {reason}</source>
        <translation>The stored print document is damaged: {reason}</translation>
    </message>
    <message>
        <source>There is no attention item {id}</source>
        <translation>There is no attention item {id}</translation>
    </message>
    <message>
        <source>This item was already resolved by {name}</source>
        <translation>This item was already resolved by {name}</translation>
    </message>
    <message>
        <source>This deal is launched already</source>
        <translation>This deal is launched already</translation>
    </message>
    <message>
        <source>Only a launched deal is amended</source>
        <translation>Only a launched deal is amended</translation>
    </message>
    <message>
        <source>A launched deal cannot be edited as a draft: amend it</source>
        <translation>A launched deal cannot be edited as a draft: amend it</translation>
    </message>
    <message>
        <source>There is no deal {id}</source>
        <translation>There is no deal {id}</translation>
    </message>
    <message>
        <source>Group {id} has not been drawn yet</source>
        <translation>Group {id} has not been drawn yet</translation>
    </message>
    <message>
        <source>The platform's beacon does not match this group's entries: draw again</source>
        <translation>The platform's beacon does not match this group's entries: draw again</translation>
    </message>
    <message>
        <source>“{text}” is neither a member code nor a mobile phone number</source>
        <translation>“{text}” is neither a member code nor a mobile phone number</translation>
    </message>
    <message>
        <source>Unknown tender {tender}</source>
        <translation>Unknown tender {tender}</translation>
    </message>
    <message>
        <source>The group's deadline has passed: nobody can join</source>
        <translation>The group's deadline has passed: nobody can join</translation>
    </message>
    <message>
        <source>There is no group {id}</source>
        <translation>There is no group {id}</translation>
    </message>
    <message>
        <source>Only a launched deal can open groups</source>
        <translation>Only a launched deal can open groups</translation>
    </message>
    <message>
        <source>This deal already has {count} open groups, its maximum</source>
        <translation>This deal already has {count} open groups, its maximum</translation>
    </message>
    <message>
        <source>Interrupted (the app closed while printing): check the paper, then Retry or Reprint</source>
        <translation>Interrupted (the app closed while printing): check the paper, then Retry or Reprint</translation>
    </message>
    <message>
        <source>A print reference is at most {limit} characters</source>
        <translation>A print reference is at most {limit} characters</translation>
    </message>
    <message>
        <source>There is no print job number {id}</source>
        <translation>There is no print job number {id}</translation>
    </message>
    <message>
        <source>Print job {id} is {status}, not {wanted}</source>
        <translation>Print job {id} is {status}, not {wanted}</translation>
    </message>
    <message>
        <source>There is already a printer named “{name}”</source>
        <translation>There is already a printer named “{name}”</translation>
    </message>
    <message>
        <source>Unknown kind of document “{kind}”</source>
        <translation>Unknown kind of document “{kind}”</translation>
    </message>
    <message>
        <source>There is no printer number {id}</source>
        <translation>There is no printer number {id}</translation>
    </message>
    <message>
        <source>No keychain is available: the voucher signing key is kept in memory for this session only</source>
        <translation>No keychain is available: the voucher signing key is kept in memory for this session only</translation>
    </message>
    <message>
        <source>{n} records have not been sent to the platform yet. Sync first, then pair again.</source>
        <translation>{n} records have not been sent to the platform yet. Sync first, then pair again.</translation>
    </message>
    <message>
        <source>The member code was not accepted: ask the member to refresh it on their phone and scan again</source>
        <translation>The member code was not accepted: ask the member to refresh it on their phone and scan again</translation>
    </message>
    <message>
        <source>This member code was used already: ask the member to show a fresh one</source>
        <translation>This member code was used already: ask the member to show a fresh one</translation>
    </message>
    <message>
        <source>Too many wrong member codes: wait a few minutes, then scan again</source>
        <translation>Too many wrong member codes: wait a few minutes, then scan again</translation>
    </message>
    <message>
        <source>Scan the member's code first</source>
        <translation>Scan the member's code first</translation>
    </message>
    <message>
        <source>The member's consent was not accepted: scan their code again</source>
        <translation>The member's consent was not accepted: scan their code again</translation>
    </message>
    <message>
        <source>The member's consent was used already: scan their code again</source>
        <translation>The member's consent was used already: scan their code again</translation>
    </message>
    <message>
        <source>The member's consent has expired: scan their code again</source>
        <translation>The member's consent has expired: scan their code again</translation>
    </message>
    <message>
        <source>The member does not have that many coins</source>
        <translation>The member does not have that many coins</translation>
    </message>
    <message>
        <source>That is more coins than the member authorized</source>
        <translation>That is more coins than the member authorized</translation>
    </message>
    <message>
        <source>The member's coin authorization has expired</source>
        <translation>The member's coin authorization has expired</translation>
    </message>
    <message>
        <source>This coin authorization is not genuine</source>
        <translation>This coin authorization is not genuine</translation>
    </message>
    <message>
        <source>The member has too many open coin authorizations: use or cancel one first</source>
        <translation>The member has too many open coin authorizations: use or cancel one first</translation>
    </message>
    <message>
        <source>The platform refused: {reason}</source>
        <translation>The platform refused: {reason}</translation>
    </message>
    <message>
        <source>The platform address must start with https:// (or http:// on a local network)</source>
        <translation>The platform address must start with https:// (or http:// on a local network)</translation>
    </message>
    <message>
        <source>Use https:// for the platform at {host}. Plain http:// is allowed only for this computer and the local network (10.x, 172.16–31.x, 192.168.x, *.local), so that the terminal's access token never crosses the internet in clear text.</source>
        <translation>Use https:// for the platform at {host}. Plain http:// is allowed only for this computer and the local network (10.x, 172.16–31.x, 192.168.x, *.local), so that the terminal's access token never crosses the internet in clear text.</translation>
    </message>
    <message>
        <source>The platform address may hold only https://, a host name or IP address, a port and a path (no user name, password, spaces, ? or #).</source>
        <translation>The platform address may hold only https://, a host name or IP address, a port and a path (no user name, password, spaces, ? or #).</translation>
    </message>
    <message>
        <source>Type the pairing code from the platform (10 letters and digits)</source>
        <translation>Type the pairing code from the platform (10 letters and digits)</translation>
    </message>
    <message>
        <source>The platform at {url} did not show a valid certificate, so nothing was sent. Check the address; the platform needs a certificate from a recognised authority.</source>
        <translation>The platform at {url} did not show a valid certificate, so nothing was sent. Check the address; the platform needs a certificate from a recognised authority.</translation>
    </message>
    <message>
        <source>Cannot reach the platform at {url}. Check the address and the network.</source>
        <translation>Cannot reach the platform at {url}. Check the address and the network.</translation>
    </message>
    <message>
        <source>{n} records are still waiting to be sent to the platform. Wait until the status bar shows 0 waiting, then log out.</source>
        <translation>{n} records are still waiting to be sent to the platform. Wait until the status bar shows 0 waiting, then log out.</translation>
    </message>
    <message>
        <source>Pair this terminal with the platform first</source>
        <translation>Pair this terminal with the platform first</translation>
    </message>
    <message>
        <source>Voucher {id} has not been redeemed</source>
        <translation>Voucher {id} has not been redeemed</translation>
    </message>
    <message>
        <source>“{text}” is not a hexadecimal id such as 04b8</source>
        <translation>“{text}” is not a hexadecimal id such as 04b8</translation>
    </message>
    <message>
        <source>The system keychain does not answer (is it locked?). Unlock it and try again.</source>
        <translation>The system keychain does not answer (is it locked?). Unlock it and try again.</translation>
    </message>
    <message>
        <source>A PIN of one digit repeated (like 1111) is too easy to guess. Choose another PIN.</source>
        <translation>A PIN of one digit repeated (like 1111) is too easy to guess. Choose another PIN.</translation>
    </message>
    <message>
        <source>A PIN of digits in a row (like 1234 or 4321) is too easy to guess. Choose another PIN.</source>
        <translation>A PIN of digits in a row (like 1234 or 4321) is too easy to guess. Choose another PIN.</translation>
    </message>
    <message>
        <source>A PIN that repeats a short pattern (like 1212) is too easy to guess. Choose another PIN.</source>
        <translation>A PIN that repeats a short pattern (like 1212) is too easy to guess. Choose another PIN.</translation>
    </message>
    <message>
        <source>This PIN is one of the most common PINs and too easy to guess. Choose another PIN.</source>
        <translation>This PIN is one of the most common PINs and too easy to guess. Choose another PIN.</translation>
    </message>
    <message>
        <source>A seat must be between 1 and {size}</source>
        <translation>A seat must be between 1 and {size}</translation>
    </message>
    <message>
        <source>There is no entry {id}</source>
        <translation>There is no entry {id}</translation>
    </message>
    <message>
        <source>Group {id} has not been drawn or cancelled: nothing to hand back yet</source>
        <translation>Group {id} has not been drawn or cancelled: nothing to hand back yet</translation>
    </message>
    <message>
        <source>The barcode “{code}” can only hold letters, digits and signs, without spaces, up to 64</source>
        <translation>The barcode “{code}” can only hold letters, digits and signs, without spaces, up to 64</translation>
    </message>
    <message>
        <source>The SKU “{code}” can only hold letters, digits and signs, without spaces, up to 64</source>
        <translation>The SKU “{code}” can only hold letters, digits and signs, without spaces, up to 64</translation>
    </message>
    <message>
        <source>An item's name is 1 to 128 characters</source>
        <translation>An item's name is 1 to 128 characters</translation>
    </message>
    <message>
        <source>An item's English name is at most 128 characters</source>
        <translation>An item's English name is at most 128 characters</translation>
    </message>
    <message>
        <source>A category is at most 64 characters</source>
        <translation>A category is at most 64 characters</translation>
    </message>
    <message>
        <source>A price or cost is between 0.00 and 1,000,000.00</source>
        <translation>A price or cost is between 0.00 and 1,000,000.00</translation>
    </message>
    <message>
        <source>{count} rows of the file have problems; nothing was imported. Fix them and import the file again.</source>
        <translation>{count} rows of the file have problems; nothing was imported. Fix them and import the file again.</translation>
    </message>
    <message>
        <source>There is no menu item {id}</source>
        <translation>There is no menu item {id}</translation>
    </message>
    <message>
        <source>No menu item has the code {code}</source>
        <translation>No menu item has the code {code}</translation>
    </message>
    <message>
        <source>{name} is not on sale (disabled in the menu)</source>
        <translation>{name} is not on sale (disabled in the menu)</translation>
    </message>
    <message>
        <source>Menu item {id} has no price version {version}</source>
        <translation>Menu item {id} has no price version {version}</translation>
    </message>
    <message>
        <source>Cannot read the file {path}: {reason}</source>
        <translation>Cannot read the file {path}: {reason}</translation>
    </message>
    <message>
        <source>Cannot write the file {path}: {reason}</source>
        <translation>Cannot write the file {path}: {reason}</translation>
    </message>
    <message>
        <source>The barcode {code} is already on {name}</source>
        <translation>The barcode {code} is already on {name}</translation>
    </message>
    <message>
        <source>The SKU {code} is already on {name}</source>
        <translation>The SKU {code} is already on {name}</translation>
    </message>
    <message>
        <source>The barcode {code} is already on the item with SKU {sku}</source>
        <translation>The barcode {code} is already on the item with SKU {sku}</translation>
    </message>
    <message>
        <source>The file is not a text file in UTF-8 or GBK</source>
        <translation>The file is not a text file in UTF-8 or GBK</translation>
    </message>
    <message>
        <source>“{text}” is not 1 (on sale) or 0 (not on sale)</source>
        <translation>“{text}” is not 1 (on sale) or 0 (not on sale)</translation>
    </message>
    <message>
        <source>The price is missing</source>
        <translation>The price is missing</translation>
    </message>
    <message>
        <source>The SKU is missing: each row needs one, it is how an import finds the item to update</source>
        <translation>The SKU is missing: each row needs one, it is how an import finds the item to update</translation>
    </message>
    <message>
        <source>The first line must be the header {header}</source>
        <translation>The first line must be the header {header}</translation>
    </message>
    <message>
        <source>The row has {count} columns, not {expected}</source>
        <translation>The row has {count} columns, not {expected}</translation>
    </message>
    <message>
        <source>The SKU {code} is also on row {row}</source>
        <translation>The SKU {code} is also on row {row}</translation>
    </message>
    <message>
        <source>The barcode {code} is also on row {row}</source>
        <translation>The barcode {code} is also on row {row}</translation>
    </message>
    <message>
        <source>Could not save the proof in the folder {folder}. Choose a folder you may write to, on a disk with free space.</source>
        <translation>Could not save the proof in the folder {folder}. Choose a folder you may write to, on a disk with free space.</translation>
    </message>
    <message>
        <source>A quantity is a whole number from 1 to {most}</source>
        <translation>A quantity is a whole number from 1 to {most}</translation>
    </message>
    <message>
        <source>The price is out of range</source>
        <translation>The price is out of range</translation>
    </message>
    <message>
        <source>A discount on {name} must be between 0 and {most}</source>
        <translation>A discount on {name} must be between 0 and {most}</translation>
    </message>
    <message>
        <source>A prize voucher is one line at price 0</source>
        <translation>A prize voucher is one line at price 0</translation>
    </message>
    <message>
        <source>A bill has at most {most} lines</source>
        <translation>A bill has at most {most} lines</translation>
    </message>
    <message>
        <source>The bill discount must be between 0 and {most}</source>
        <translation>The bill discount must be between 0 and {most}</translation>
    </message>
    <message>
        <source>This bill allows at most {most} coins</source>
        <translation>This bill allows at most {most} coins</translation>
    </message>
    <message>
        <source>A payment must be more than 0</source>
        <translation>A payment must be more than 0</translation>
    </message>
    <message>
        <source>Card and app payments cannot be more than the bill ({total}): only cash gives change</source>
        <translation>Card and app payments cannot be more than the bill ({total}): only cash gives change</translation>
    </message>
    <message>
        <source>{due} is still due</source>
        <translation>{due} is still due</translation>
    </message>
    <message>
        <source>This prize voucher was already redeemed</source>
        <translation>This prize voucher was already redeemed</translation>
    </message>
    <message>
        <source>This prize voucher has expired</source>
        <translation>This prize voucher has expired</translation>
    </message>
    <message>
        <source>This prize voucher is for another store</source>
        <translation>This prize voucher is for another store</translation>
    </message>
    <message>
        <source>This prize voucher is forged or altered: do not accept it</source>
        <translation>This prize voucher is forged or altered: do not accept it</translation>
    </message>
    <message>
        <source>This prize voucher was signed after its terminal was revoked: do not accept it</source>
        <translation>This prize voucher was signed after its terminal was revoked: do not accept it</translation>
    </message>
    <message>
        <source>Not a voucher we can read: scan again or type the code</source>
        <translation>Not a voucher we can read: scan again or type the code</translation>
    </message>
    <message>
        <source>No voucher has this code</source>
        <translation>No voucher has this code</translation>
    </message>
    <message>
        <source>This item is not on sale</source>
        <translation>This item is not on sale</translation>
    </message>
    <message>
        <source>No item has the code {code}</source>
        <translation>No item has the code {code}</translation>
    </message>
    <message>
        <source>No member of this store has the phone number {phone}</source>
        <translation>No member of this store has the phone number {phone}</translation>
    </message>
    <message>
        <source>Pair this terminal with the platform before accepting coins</source>
        <translation>Pair this terminal with the platform before accepting coins</translation>
    </message>
    <message>
        <source>This coin authorization is for another store</source>
        <translation>This coin authorization is for another store</translation>
    </message>
    <message>
        <source>This coin authorization belongs to another member</source>
        <translation>This coin authorization belongs to another member</translation>
    </message>
    <message>
        <source>This coin authorization was cancelled or used: ask the member for a new one</source>
        <translation>This coin authorization was cancelled or used: ask the member for a new one</translation>
    </message>
    <message>
        <source>This coin authorization was already used at this store</source>
        <translation>This coin authorization was already used at this store</translation>
    </message>
    <message>
        <source>The bill is empty</source>
        <translation>The bill is empty</translation>
    </message>
    <message>
        <source>This order was recalled already</source>
        <translation>This order was recalled already</translation>
    </message>
    <message>
        <source>The discount is beyond the cashier's limit: a manager must approve it</source>
        <translation>The discount is beyond the cashier's limit: a manager must approve it</translation>
    </message>
    <message>
        <source>Coins need a member</source>
        <translation>Coins need a member</translation>
    </message>
    <message>
        <source>The coins were not taken by the platform yet: try again</source>
        <translation>The coins were not taken by the platform yet: try again</translation>
    </message>
    <message>
        <source>{kind} is not a payment this store takes</source>
        <translation>{kind} is not a payment this store takes</translation>
    </message>
    <message>
        <source>This coin authorization expired at {time}: ask the member for a new one</source>
        <translation>This coin authorization expired at {time}: ask the member for a new one</translation>
    </message>
    <message>
        <source>This coin authorization is forged, altered or from another platform: do not accept it</source>
        <translation>This coin authorization is forged, altered or from another platform: do not accept it</translation>
    </message>
    <message>
        <source>This is not a coin authorization we can read</source>
        <translation>This is not a coin authorization we can read</translation>
    </message>
    <message>
        <source>No such sale</source>
        <translation>No such sale</translation>
    </message>
    <message>
        <source>No such refund</source>
        <translation>No such refund</translation>
    </message>
    <message>
        <source>No sale has the receipt number {number}</source>
        <translation>No sale has the receipt number {number}</translation>
    </message>
    <message>
        <source>Sale {number} was voided already</source>
        <translation>Sale {number} was voided already</translation>
    </message>
    <message>
        <source>Part of sale {number} was refunded: refund the rest instead of voiding it</source>
        <translation>Part of sale {number} was refunded: refund the rest instead of voiding it</translation>
    </message>
    <message>
        <source>Only a sale of the open shift can be voided: refund sale {number} instead</source>
        <translation>Only a sale of the open shift can be voided: refund sale {number} instead</translation>
    </message>
    <message>
        <source>Sale {number} was voided: nothing is left to refund</source>
        <translation>Sale {number} was voided: nothing is left to refund</translation>
    </message>
    <message>
        <source>Line {line} has {left} left to refund</source>
        <translation>Line {line} has {left} left to refund</translation>
    </message>
    <message>
        <source>Sale {number} was refunded in full already</source>
        <translation>Sale {number} was refunded in full already</translation>
    </message>
    <message>
        <source>Say why (a reason is required)</source>
        <translation>Say why (a reason is required)</translation>
    </message>
    <message>
        <source>The refund is more than what is left of the sale</source>
        <translation>The refund is more than what is left of the sale</translation>
    </message>
    <message>
        <source>The platform did not answer, so it is not known whether the coins were taken. Try again when it is back: it is asked first, and coins are never taken twice.</source>
        <translation>The platform did not answer, so it is not known whether the coins were taken. Try again when it is back: it is asked first, and coins are never taken twice.</translation>
    </message>
    <message>
        <source>This is not a member code we can read</source>
        <translation>This is not a member code we can read</translation>
    </message>
    <message>
        <source>The platform cannot be reached: use the member's coin authorization QR</source>
        <translation>The platform cannot be reached: use the member's coin authorization QR</translation>
    </message>
    <message>
        <source>Count whole notes and coins</source>
        <translation>Count whole notes and coins</translation>
    </message>
    <message>
        <source>A count cannot be negative ({value})</source>
        <translation>A count cannot be negative ({value})</translation>
    </message>
    <message>
        <source>{n} pieces of {value} is more than a drawer holds</source>
        <translation>{n} pieces of {value} is more than a drawer holds</translation>
    </message>
    <message>
        <source>“{text}” is not a number of pieces</source>
        <translation>“{text}” is not a number of pieces</translation>
    </message>
    <message>
        <source>Unknown denomination {key}</source>
        <translation>Unknown denomination {key}</translation>
    </message>
    <message>
        <source>The drawer total is out of range</source>
        <translation>The drawer total is out of range</translation>
    </message>
    <message>
        <source>Say why the redemption is reversed (a reason)</source>
        <translation>Say why the redemption is reversed (a reason)</translation>
    </message>
    <message>
        <source>This voucher is not redeemed: nothing to reverse</source>
        <translation>This voucher is not redeemed: nothing to reverse</translation>
    </message>
    <message>
        <source>Terminal {terminal} redeemed this voucher: only it can reverse the redemption</source>
        <translation>Terminal {terminal} redeemed this voucher: only it can reverse the redemption</translation>
    </message>
    <message>
        <source>The clock reads a time before this redemption: set the clock right first</source>
        <translation>The clock reads a time before this redemption: set the clock right first</translation>
    </message>
    <message>
        <source>A redemption can be reversed within {minutes} minutes only; this one is older</source>
        <translation>A redemption can be reversed within {minutes} minutes only; this one is older</translation>
    </message>
    <message>
        <source>This terminal has no record of redeeming the voucher: it cannot reverse it</source>
        <translation>This terminal has no record of redeeming the voucher: it cannot reverse it</translation>
    </message>
    <message>
        <source>A shift is open on this terminal already (opened by {name} at {at})</source>
        <translation>A shift is open on this terminal already (opened by {name} at {at})</translation>
    </message>
    <message>
        <source>Cash goes in or out of the drawer</source>
        <translation>Cash goes in or out of the drawer</translation>
    </message>
    <message>
        <source>Type an amount above zero</source>
        <translation>Type an amount above zero</translation>
    </message>
    <message>
        <source>Say why the cash moves (a reason)</source>
        <translation>Say why the cash moves (a reason)</translation>
    </message>
    <message>
        <source>The drawer should hold only {held}: {amount} cannot be taken out</source>
        <translation>The drawer should hold only {held}: {amount} cannot be taken out</translation>
    </message>
    <message>
        <source>No such cash movement</source>
        <translation>No such cash movement</translation>
    </message>
    <message>
        <source>There is no open shift to report on</source>
        <translation>There is no open shift to report on</translation>
    </message>
    <message>
        <source>Count the drawer before closing the shift</source>
        <translation>Count the drawer before closing the shift</translation>
    </message>
    <message>
        <source>The drawer is {diff} off: say why before closing</source>
        <translation>The drawer is {diff} off: say why before closing</translation>
    </message>
    <message>
        <source>There is no such Z report</source>
        <translation>There is no such Z report</translation>
    </message>
    <message>
        <source>The clock reads {now}, before this shift opened ({opened}): set the clock right, then close</source>
        <translation>The clock reads {now}, before this shift opened ({opened}): set the clock right, then close</translation>
    </message>
    <message>
        <source>{n} parked bill(s) are still open: finish or cancel them before closing</source>
        <translation>{n} parked bill(s) are still open: finish or cancel them before closing</translation>
    </message>
    <message>
        <source>Open a shift first: count the float into the drawer, then take or pay money</source>
        <translation>Open a shift first: count the float into the drawer, then take or pay money</translation>
    </message>
    <message>
        <source>A rate must be between 0% and 100%.</source>
        <translation>A rate must be between 0% and 100%.</translation>
    </message>
    <message>
        <source>The alliance share cannot be more than the turnover commission.</source>
        <translation>The alliance share cannot be more than the turnover commission.</translation>
    </message>
    <message>
        <source>A coin must be worth at least one fen.</source>
        <translation>A coin must be worth at least one fen.</translation>
    </message>
</context>
<context>
    <name>hand_back</name>
    <message>
        <source>Won: hand over the voucher</source>
        <translation>Won: hand over the voucher</translation>
    </message>
    <message>
        <source>consolation {amount}</source>
        <translation>consolation {amount}</translation>
    </message>
    <message>
        <source>{n} coins</source>
        <translation>{n} coins</translation>
    </message>
    <message>
        <source>leader reward {amount}</source>
        <translation>leader reward {amount}</translation>
    </message>
    <message>
        <source>Card refund {amount} (to do)</source>
        <translation>Card refund {amount} (to do)</translation>
    </message>
    <message>
        <source>Refunded online {amount}</source>
        <translation>Refunded online {amount}</translation>
    </message>
    <message>
        <source>Refund {amount}</source>
        <translation>Refund {amount}</translation>
    </message>
    <message>
        <source>Cash back {amount} now</source>
        <translation>Cash back {amount} now</translation>
    </message>
    <message>
        <source>Cash back now: {amount} ({n})</source>
        <translation>Cash back now: {amount} ({n})</translation>
    </message>
    <message>
        <source>Card refunds to do: {amount} ({n})</source>
        <translation>Card refunds to do: {amount} ({n})</translation>
    </message>
    <message>
        <source>Refunded online: {amount} ({n})</source>
        <translation>Refunded online: {amount} ({n})</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Something went wrong; the log has the details.</source>
        <translation>Something went wrong; the log has the details.</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Cannot do that</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>N / K</source>
        <translation>N / K</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Open groups</source>
        <translation>Open groups</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Seats</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Tender</translation>
    </message>
    <message>
        <source>Hand back</source>
        <translation>Hand back</translation>
    </message>
</context>
<context>
    <name>print</name>
    <message>
        <source>Invite</source>
        <translation>Invite</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>Draw slip</source>
        <translation>Draw slip</translation>
    </message>
    <message>
        <source>Redemption receipt</source>
        <translation>Redemption receipt</translation>
    </message>
    <message>
        <source>Sale receipt</source>
        <translation>Sale receipt</translation>
    </message>
    <message>
        <source>Deposit slip</source>
        <translation>Deposit slip</translation>
    </message>
    <message>
        <source>Refund slip</source>
        <translation>Refund slip</translation>
    </message>
    <message>
        <source>Test page</source>
        <translation>Test page</translation>
    </message>
    <message>
        <source>Shift report (X/Z)</source>
        <translation>Shift report (X/Z)</translation>
    </message>
    <message>
        <source>Saved {kind} as a PDF file in {folder}</source>
        <translation>Saved {kind} as a PDF file in {folder}</translation>
    </message>
    <message>
        <source>Printed {kind} on {printer}</source>
        <translation>Printed {kind} on {printer}</translation>
    </message>
    <message>
        <source>Not printed: {reason}</source>
        <translation>Not printed: {reason}</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>print_queue</name>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
</context>
<context>
    <name>printers</name>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Serial port</translation>
    </message>
    <message>
        <source>Windows printer (raw)</source>
        <translation>Windows printer (raw)</translation>
    </message>
    <message>
        <source>PDF files in a folder</source>
        <translation>PDF files in a folder</translation>
    </message>
    <message>
        <source>System printer (Qt)</source>
        <translation>System printer (Qt)</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
</context>
<context>
    <name>screens</name>
    <message>
        <source>Checkout</source>
        <translation>Checkout</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Redeem voucher</source>
        <translation>Redeem voucher</translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation>Drawer</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <source>Redemptions</source>
        <translation>Redemptions</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <source>Alliance</source>
        <translation>Alliance</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>Print queue</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>settlement</name>
    <message>
        <source>Coins taken (reimbursed)</source>
        <translation>Coins taken (reimbursed)</translation>
    </message>
    <message>
        <source>Sale commission</source>
        <translation>Sale commission</translation>
    </message>
    <message>
        <source>Group deal commission</source>
        <translation>Group deal commission</translation>
    </message>
    <message>
        <source>Alliance share earned</source>
        <translation>Alliance share earned</translation>
    </message>
    <message>
        <source>Alliance share passed on</source>
        <translation>Alliance share passed on</translation>
    </message>
    <message>
        <source>Entry fee</source>
        <translation>Entry fee</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Group deal</source>
        <translation>Group deal</translation>
    </message>
    <message>
        <source>Coins</source>
        <translation>Coins</translation>
    </message>
    <message>
        <source>Platform fee</source>
        <translation>Platform fee</translation>
    </message>
    <message>
        <source>Alliance</source>
        <translation>Alliance</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Matched</translation>
    </message>
    <message>
        <source>Differs</source>
        <translation>Differs</translation>
    </message>
    <message>
        <source>Missing on the platform</source>
        <translation>Missing on the platform</translation>
    </message>
    <message>
        <source>Missing here</source>
        <translation>Missing here</translation>
    </message>
    <message>
        <source>Other terminal</source>
        <translation>Other terminal</translation>
    </message>
    <message>
        <source>Merchant's own</source>
        <translation>Merchant's own</translation>
    </message>
    <message>
        <source>This counter</source>
        <translation>This counter</translation>
    </message>
    <message>
        <source>here {here} under schedule v{hv}, the platform {there} under v{tv}</source>
        <translation>here {here} under schedule v{hv}, the platform {there} under v{tv}</translation>
    </message>
    <message>
        <source>this counter did not have schedule v{tv} yet when it recorded the line</source>
        <translation>this counter did not have schedule v{tv} yet when it recorded the line</translation>
    </message>
    <message>
        <source>not on this statement yet (rejected, not sent, or booked in a later period)</source>
        <translation>not on this statement yet (rejected, not sent, or booked in a later period)</translation>
    </message>
    <message>
        <source>the platform found an amount this counter did not record</source>
        <translation>the platform found an amount this counter did not record</translation>
    </message>
    <message>
        <source>the platform</source>
        <translation>the platform</translation>
    </message>
    <message>
        <source>with {who}</source>
        <translation>with {who}</translation>
    </message>
    <message>
        <source>adjustment: {text}</source>
        <translation>adjustment: {text}</translation>
    </message>
</context>
<context>
    <name>shift</name>
    <message>
        <source>Cash sales</source>
        <translation>Cash sales</translation>
    </message>
    <message>
        <source>Change given</source>
        <translation>Change given</translation>
    </message>
    <message>
        <source>Sale refunds in cash</source>
        <translation>Sale refunds in cash</translation>
    </message>
    <message>
        <source>Deposits taken</source>
        <translation>Deposits taken</translation>
    </message>
    <message>
        <source>Deposits given back</source>
        <translation>Deposits given back</translation>
    </message>
    <message>
        <source>Consolation cash paid</source>
        <translation>Consolation cash paid</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
</context>
<context>
    <name>states</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Launched</source>
        <translation>Launched</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>Drawn</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Settled</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>Not paired</source>
        <translation>Not paired</translation>
    </message>
    <message>
        <source>Paired, but the token is lost: pair again</source>
        <translation>Paired, but the token is lost: pair again</translation>
    </message>
    <message>
        <source>Refused by the platform: see the Platform screen</source>
        <translation>Refused by the platform: see the Platform screen</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>last sync {time}</source>
        <translation>last sync {time}</translation>
    </message>
    <message>
        <source>token kept in memory until restart</source>
        <translation>token kept in memory until restart</translation>
    </message>
</context>
<context>
    <name>tenders</name>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Online (platform)</source>
        <translation>Online (platform)</translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <source>Staff changed</source>
        <translation>Staff changed</translation>
    </message>
    <message>
        <source>Deal launched</source>
        <translation>Deal launched</translation>
    </message>
    <message>
        <source>Deal amended</source>
        <translation>Deal amended</translation>
    </message>
    <message>
        <source>Group opened</source>
        <translation>Group opened</translation>
    </message>
    <message>
        <source>Joined a group</source>
        <translation>Joined a group</translation>
    </message>
    <message>
        <source>Group drawn</source>
        <translation>Group drawn</translation>
    </message>
    <message>
        <source>Group settled (refunds and consolation)</source>
        <translation>Group settled (refunds and consolation)</translation>
    </message>
    <message>
        <source>Group expired and refunded</source>
        <translation>Group expired and refunded</translation>
    </message>
    <message>
        <source>Group cancelled and refunded</source>
        <translation>Group cancelled and refunded</translation>
    </message>
    <message>
        <source>Online join accepted</source>
        <translation>Online join accepted</translation>
    </message>
    <message>
        <source>Online join refused</source>
        <translation>Online join refused</translation>
    </message>
    <message>
        <source>Voucher issued</source>
        <translation>Voucher issued</translation>
    </message>
    <message>
        <source>Voucher redeemed</source>
        <translation>Voucher redeemed</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Coins paid with</source>
        <translation>Coins paid with</translation>
    </message>
    <message>
        <source>Sale refunded</source>
        <translation>Sale refunded</translation>
    </message>
    <message>
        <source>Sale voided</source>
        <translation>Sale voided</translation>
    </message>
    <message>
        <source>Signing key added</source>
        <translation>Signing key added</translation>
    </message>
    <message>
        <source>Shift closed (Z report)</source>
        <translation>Shift closed (Z report)</translation>
    </message>
    <message>
        <source>Redemption reversed</source>
        <translation>Redemption reversed</translation>
    </message>
    <message>
        <source>Attention item resolved</source>
        <translation>Attention item resolved</translation>
    </message>
    <message>
        <source>Commission schedule received</source>
        <translation>Commission schedule received</translation>
    </message>
    <message>
        <source>Deal saved</source>
        <translation>Deal saved</translation>
    </message>
    <message>
        <source>Demo data created</source>
        <translation>Demo data created</translation>
    </message>
    <message>
        <source>Online joins sorted</source>
        <translation>Online joins sorted</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>Manager approval</translation>
    </message>
    <message>
        <source>Paired with the platform</source>
        <translation>Paired with the platform</translation>
    </message>
    <message>
        <source>Platform address changed</source>
        <translation>Platform address changed</translation>
    </message>
    <message>
        <source>Printout queued</source>
        <translation>Printout queued</translation>
    </message>
    <message>
        <source>Copy printed</source>
        <translation>Copy printed</translation>
    </message>
    <message>
        <source>Printout retried</source>
        <translation>Printout retried</translation>
    </message>
    <message>
        <source>Printer removed</source>
        <translation>Printer removed</translation>
    </message>
    <message>
        <source>Printer chosen for a printout</source>
        <translation>Printer chosen for a printout</translation>
    </message>
    <message>
        <source>Printer saved</source>
        <translation>Printer saved</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Setting changed</translation>
    </message>
    <message>
        <source>Signing key renewed</source>
        <translation>Signing key renewed</translation>
    </message>
    <message>
        <source>Signing key created</source>
        <translation>Signing key created</translation>
    </message>
    <message>
        <source>Staff member (de)activated</source>
        <translation>Staff member (de)activated</translation>
    </message>
    <message>
        <source>Staff member added</source>
        <translation>Staff member added</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>Logged in</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Logged out</translation>
    </message>
    <message>
        <source>Owner account created</source>
        <translation>Owner account created</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>PIN changed</translation>
    </message>
    <message>
        <source>Staff member unlocked</source>
        <translation>Staff member unlocked</translation>
    </message>
    <message>
        <source>PIN protection renewed</source>
        <translation>PIN protection renewed</translation>
    </message>
    <message>
        <source>Sync recovered after a restore</source>
        <translation>Sync recovered after a restore</translation>
    </message>
    <message>
        <source>PC clock moved</source>
        <translation>PC clock moved</translation>
    </message>
    <message>
        <source>Invites signed for the paired store</source>
        <translation>Invites signed for the paired store</translation>
    </message>
    <message>
        <source>Menu item added</source>
        <translation>Menu item added</translation>
    </message>
    <message>
        <source>Menu item changed</source>
        <translation>Menu item changed</translation>
    </message>
    <message>
        <source>Menu item put on sale</source>
        <translation>Menu item put on sale</translation>
    </message>
    <message>
        <source>Menu item taken off sale</source>
        <translation>Menu item taken off sale</translation>
    </message>
    <message>
        <source>Menu imported from a file</source>
        <translation>Menu imported from a file</translation>
    </message>
    <message>
        <source>Shift opened with a float</source>
        <translation>Shift opened with a float</translation>
    </message>
    <message>
        <source>Another cashier took over the drawer</source>
        <translation>Another cashier took over the drawer</translation>
    </message>
    <message>
        <source>Cash put into the drawer</source>
        <translation>Cash put into the drawer</translation>
    </message>
    <message>
        <source>Cash taken out of the drawer</source>
        <translation>Cash taken out of the drawer</translation>
    </message>
    <message>
        <source>Order parked</source>
        <translation>Order parked</translation>
    </message>
    <message>
        <source>Parked order recalled</source>
        <translation>Parked order recalled</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>Manager PIN checked for an approval</source>
        <translation>Manager PIN checked for an approval</translation>
    </message>
    <message>
        <source>product</source>
        <translation>product</translation>
    </message>
    <message>
        <source>market value</source>
        <translation>market value</translation>
    </message>
    <message>
        <source>cost per product</source>
        <translation>cost per product</translation>
    </message>
    <message>
        <source>group price</source>
        <translation>group price</translation>
    </message>
    <message>
        <source>people per group</source>
        <translation>people per group</translation>
    </message>
    <message>
        <source>winners</source>
        <translation>winners</translation>
    </message>
    <message>
        <source>leader rule</source>
        <translation>leader rule</translation>
    </message>
    <message>
        <source>leader reward</source>
        <translation>leader reward</translation>
    </message>
    <message>
        <source>consolation cash per loser</source>
        <translation>consolation cash per loser</translation>
    </message>
    <message>
        <source>consolation coins per loser</source>
        <translation>consolation coins per loser</translation>
    </message>
    <message>
        <source>formation reward per joiner</source>
        <translation>formation reward per joiner</translation>
    </message>
    <message>
        <source>promotion budget</source>
        <translation>promotion budget</translation>
    </message>
    <message>
        <source>hours to fill a group</source>
        <translation>hours to fill a group</translation>
    </message>
    <message>
        <source>groups open at once</source>
        <translation>groups open at once</translation>
    </message>
    <message>
        <source>seats per member</source>
        <translation>seats per member</translation>
    </message>
    <message>
        <source>voucher validity (days)</source>
        <translation>voucher validity (days)</translation>
    </message>
    <message>
        <source>group</source>
        <translation>group</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>deal</translation>
    </message>
    <message>
        <source>seat</source>
        <translation>seat</translation>
    </message>
    <message>
        <source>voucher</source>
        <translation>voucher</translation>
    </message>
    <message>
        <source>member</source>
        <translation>member</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <source>deposit</source>
        <translation>deposit</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>cash</translation>
    </message>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>reason</translation>
    </message>
    <message>
        <source>paid by</source>
        <translation>paid by</translation>
    </message>
    <message>
        <source>commitment</source>
        <translation>commitment</translation>
    </message>
    <message>
        <source>for</source>
        <translation>for</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>staff</translation>
    </message>
    <message>
        <source>approved by</source>
        <translation>approved by</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>role</source>
        <translation>role</translation>
    </message>
    <message>
        <source>printout</source>
        <translation>printout</translation>
    </message>
    <message>
        <source>print job</source>
        <translation>print job</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>setting</translation>
    </message>
    <message>
        <source>value</source>
        <translation>value</translation>
    </message>
    <message>
        <source>coins granted</source>
        <translation>coins granted</translation>
    </message>
    <message>
        <source>coins</source>
        <translation>coins</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>customer</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>rules</translation>
    </message>
    <message>
        <source>printer</source>
        <translation>printer</translation>
    </message>
    <message>
        <source>staff no.</source>
        <translation>staff no.</translation>
    </message>
    <message>
        <source>store</source>
        <translation>store</translation>
    </message>
    <message>
        <source>terminal</source>
        <translation>terminal</translation>
    </message>
    <message>
        <source>key</source>
        <translation>key</translation>
    </message>
    <message>
        <source>menu items</source>
        <translation>menu items</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>connection</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>before</source>
        <translation>before</translation>
    </message>
    <message>
        <source>after</source>
        <translation>after</translation>
    </message>
    <message>
        <source>proof digest</source>
        <translation>proof digest</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>groups</translation>
    </message>
    <message>
        <source>item</source>
        <translation>item</translation>
    </message>
    <message>
        <source>lock level</source>
        <translation>lock level</translation>
    </message>
    <message>
        <source>merchant</source>
        <translation>merchant</translation>
    </message>
    <message>
        <source>records moved</source>
        <translation>records moved</translation>
    </message>
    <message>
        <source>copy of</source>
        <translation>copy of</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>seconds</translation>
    </message>
    <message>
        <source>seconds left</source>
        <translation>seconds left</translation>
    </message>
    <message>
        <source>address</source>
        <translation>address</translation>
    </message>
    <message>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <source>vouchers</source>
        <translation>vouchers</translation>
    </message>
    <message>
        <source>same start of the PC</source>
        <translation>same start of the PC</translation>
    </message>
    <message>
        <source>seat no.</source>
        <translation>seat no.</translation>
    </message>
    <message>
        <source>coin deduction</source>
        <translation>coin deduction</translation>
    </message>
    <message>
        <source>turnover commission</source>
        <translation>turnover commission</translation>
    </message>
    <message>
        <source>deal commission</source>
        <translation>deal commission</translation>
    </message>
    <message>
        <source>alliance share</source>
        <translation>alliance share</translation>
    </message>
    <message>
        <source>coin cap</source>
        <translation>coin cap</translation>
    </message>
    <message>
        <source>coin value</source>
        <translation>coin value</translation>
    </message>
    <message>
        <source>in force from</source>
        <translation>in force from</translation>
    </message>
    <message>
        <source>baud rate</source>
        <translation>baud rate</translation>
    </message>
    <message>
        <source>Chinese printing</source>
        <translation>Chinese printing</translation>
    </message>
    <message>
        <source>QR printing</source>
        <translation>QR printing</translation>
    </message>
    <message>
        <source>paper width</source>
        <translation>paper width</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>category</source>
        <translation>category</translation>
    </message>
    <message>
        <source>barcode</source>
        <translation>barcode</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>price</source>
        <translation>price</translation>
    </message>
    <message>
        <source>price version</source>
        <translation>price version</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>rows</translation>
    </message>
    <message>
        <source>added</source>
        <translation>added</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>shift</translation>
    </message>
    <message>
        <source>float</source>
        <translation>float</translation>
    </message>
    <message>
        <source>refunds carried in</source>
        <translation>refunds carried in</translation>
    </message>
    <message>
        <source>Z report no.</source>
        <translation>Z report no.</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>counted</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>expected</translation>
    </message>
    <message>
        <source>over/short</source>
        <translation>over/short</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>amount</translation>
    </message>
    <message>
        <source>redeemed at</source>
        <translation>redeemed at</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>sale</translation>
    </message>
    <message>
        <source>receipt no.</source>
        <translation>receipt no.</translation>
    </message>
    <message>
        <source>refund no.</source>
        <translation>refund no.</translation>
    </message>
    <message>
        <source>coins returned</source>
        <translation>coins returned</translation>
    </message>
    <message>
        <source>parked order</source>
        <translation>parked order</translation>
    </message>
    <message>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>lines</translation>
    </message>
</context>
</TS>