<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
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
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Store name</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Pinshang Counter</source>
        <translation>Pinshang Counter</translation>
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
        <source>Locked</source>
        <translation>Locked</translation>
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
        <source>Wrong PIN. {left} tries left before a 5-minute lock.</source>
        <translation>Wrong PIN. {left} tries left before a 5-minute lock.</translation>
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
        <source>Cannot open the database {path}: {detail}</source>
        <translation>Cannot open the database {path}: {detail}</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Internal error: {0}. It was logged.</source>
        <translation>Internal error: {0}. It was logged.</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Cannot do that</translation>
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
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
</TS>