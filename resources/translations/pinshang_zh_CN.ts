<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditModel</name>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <source>Verify the whole chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intact: {n} records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broken at record {row}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CounterStatusBar</name>
    <message>
        <source>Not paired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsent for over 24 h!</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Welcome to Pinshang Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name your store and create the owner account. The owner can add managers and cashiers later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create owner and start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN (4–8 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the store&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{store} · Staff login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode. PINs: {pins}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your name first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinshang Counter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Manager approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} needs a manager&apos;s approval for this action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no manager to approve</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Pinshang Counter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <source>Add staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate / reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set new PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a staff member first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN (4–8 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The deal ends too far in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product name is longer than {max} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draw method must be stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group price must be more than zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A leader reward needs the leader to be excluded from the draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group needs at least 2 people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A draw needs at least 1 winner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There must be fewer winners ({k}) than people ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the leader excluded, at most {m} of {n} people can win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fill deadline must be between now and 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The per-member limit cannot exceed the group size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redemption period is longer than 10 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draw seed must be 32 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry id “{id}” is empty or not unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry {id} has a bad nonce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of winners must be between 1 and {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draw proof checks out: winners {winners}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proof is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proof is not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proof must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong version {found!r}: this checker knows {expected}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field “{field}” is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field “{field}” must be {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected field “{field}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every winner must be an entry id string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seed must be 64 lower-case hex digits (32 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment mismatch: SHA-256 of the seed is {actual}, the proof&apos;s commitment is {published}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate entry id “{id}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry {n} must be an object with entry_id, nonce and eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry {n} has an empty or non-string entry_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry {id}: eligible must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry {id} has a bad nonce: it must be lower-case hex of at least 16 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k is {k}, out of range: it must be between 1 and the {m} eligible entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Winner {i} differs: expected {expected}, the proof says {found}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong number of winners: the proof lists {found}, k is {k}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member limit reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group that is {state} cannot {event}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group is {state}: nobody can join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member already holds {count} of {limit} allowed seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A transfer amount must be positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A transfer needs two different accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only post and void name a pending transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer {id} exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pending transfer {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending transfer {id} was already posted or voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post or void must match its pending transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money, e.g. 12.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a percentage, e.g. 12.5%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rate must be between 0% and 100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name is 1 to 64 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A QR code needs 1 to {limit} bytes of content, got {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Chinese font was found. Install one (e.g. fonts-wqy-microhei or Noto Sans CJK) or put a .ttf/.ttc file in {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper width must be 58 or 80 mm (or 105 for A6), got {width}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} must be a whole number of at least zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of winners must be between 1 and {pool}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A draw slip needs at least one winner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipt needs at least one item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coins cannot pay more than the subtotal of {subtotal}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} may not do this ({permission}); ask a manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store already has an owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a staff member called {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot deactivate yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is no longer active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. {left} tries left before a 5-minute lock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} may not approve this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an owner can manage an owner or a higher role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is locked after 5 wrong PINs until {until}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} was made by a newer version of Pinshang Counter (schema {revision}). Update the app to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} is damaged or not a Pinshang database. Restore it from a backup or choose another data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to {path}. Check the folder&apos;s permissions or choose another data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database {path}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Internal error: {0}. It was logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>screens</name>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
