<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="km_KH">
<context>
    <name>AccountsModel</name>
    <message>
        <source>Username</source>
        <translation>ឈ្មោះអ្នកប្រើ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>តួនាទី</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>ចូលចុងក្រោយ</translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation>ការចូលបរាជ័យ</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>អ្នកគ្រប់គ្រង</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>បេឡាករ</translation>
    </message>
    <message>
        <source>Not verified (changed outside the app)</source>
        <translation>មិនបានផ្ទៀងផ្ទាត់ (ត្រូវបានកែប្រែនៅខាងក្រៅកម្មវិធី)</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>បានបិទ</translation>
    </message>
    <message>
        <source>Locked (too many wrong passwords)</source>
        <translation>ជាប់សោ (ពាក្យសម្ងាត់ខុសច្រើនដងពេក)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>សកម្ម</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>មិនដែល</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation>គណនី</translation>
    </message>
    <message>
        <source>Each person who uses this computer has their own account. A disabled account can no longer open the branch&apos;s data.</source>
        <translation>អ្នកប្រើកុំព្យូទ័រនេះម្នាក់ៗមានគណនីផ្ទាល់ខ្លួន។ គណនីដែលបានបិទ មិនអាចបើកទិន្នន័យរបស់សាខាបានទៀតទេ។</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>គណនីថ្មី…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>កំណត់ពាក្យសម្ងាត់ឡើងវិញ…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>Enable…</source>
        <translation>បើកឡើងវិញ…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ដោះសោ</translation>
    </message>
    <message>
        <source>New recovery key…</source>
        <translation>សោសង្គ្រោះថ្មី…</translation>
    </message>
    <message>
        <source>Re-key the store…</source>
        <translation>ប្ដូរសោទិន្នន័យ…</translation>
    </message>
    <message>
        <source>Change the key that encrypts the branch&apos;s data, so that copies of the key files taken earlier open nothing.</source>
        <translation>ប្ដូរសោដែលអ៊ិនគ្រីបទិន្នន័យរបស់សាខា ដើម្បីកុំឱ្យច្បាប់ចម្លងនៃឯកសារសោដែលបានយកពីមុន អាចបើកអ្វីបានទៀត។</translation>
    </message>
    <message>
        <source>The branch&apos;s policies were changed outside the app and are not applied: every registration waits for a manager&apos;s review. Set the policies again to sign them.</source>
        <translation>គោលការណ៍របស់សាខាត្រូវបានកែប្រែនៅខាងក្រៅកម្មវិធី ហើយមិនត្រូវបានអនុវត្តទេ៖ ការចុះឈ្មោះនីមួយៗរង់ចាំការពិនិត្យរបស់អ្នកគ្រប់គ្រង។ សូមកំណត់គោលការណ៍ម្ដងទៀត ដើម្បីចុះហត្ថលេខាលើវា។</translation>
    </message>
    <message>
        <source>Account created.</source>
        <translation>បានបង្កើតគណនី។</translation>
    </message>
    <message>
        <source>Password changed. Give the new password to the account&apos;s owner.</source>
        <translation>បានប្ដូរពាក្យសម្ងាត់។ សូមប្រគល់ពាក្យសម្ងាត់ថ្មីទៅម្ចាស់គណនី។</translation>
    </message>
    <message>
        <source>Disable the account %1? It will no longer be able to sign in, and the key of the branch&apos;s data will be changed.</source>
        <translation>បិទគណនី %1? គណនីនេះនឹងមិនអាចចូលបានទៀតទេ ហើយសោនៃទិន្នន័យរបស់សាខានឹងត្រូវប្ដូរ។</translation>
    </message>
    <message>
        <source>Account disabled. The branch&apos;s data has a new key.</source>
        <translation>បានបិទគណនី។ ទិន្នន័យរបស់សាខាមានសោថ្មីហើយ។</translation>
    </message>
    <message>
        <source>Change the key of the branch&apos;s data? Copies of the key files taken before will no longer open it. Nobody needs a new password. This can take a minute.</source>
        <translation>ប្ដូរសោនៃទិន្នន័យរបស់សាខា? ច្បាប់ចម្លងនៃឯកសារសោដែលបានយកពីមុន នឹងលែងបើកវាបានទៀតហើយ។ គ្មាននរណាម្នាក់ត្រូវការពាក្យសម្ងាត់ថ្មីទេ។ ការនេះអាចចំណាយពេលប្រហែលមួយនាទី។</translation>
    </message>
    <message>
        <source>Re-key the store</source>
        <translation>ប្ដូរសោទិន្នន័យ</translation>
    </message>
    <message>
        <source>The branch&apos;s data has a new key.</source>
        <translation>ទិន្នន័យរបស់សាខាមានសោថ្មីហើយ។</translation>
    </message>
    <message>
        <source>These accounts have not signed in since the update and need a new password (Reset password…): %1</source>
        <translation>គណនីទាំងនេះមិនទាន់បានចូលតាំងពីការធ្វើបច្ចុប្បន្នភាព ហើយត្រូវការពាក្យសម្ងាត់ថ្មី (កំណត់ពាក្យសម្ងាត់ឡើងវិញ…)៖ %1</translation>
    </message>
    <message>
        <source>Changing the key of the branch&apos;s data… Keep the computer on.</source>
        <translation>កំពុងប្ដូរសោនៃទិន្នន័យរបស់សាខា… សូមកុំបិទកុំព្យូទ័រ។</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>បិទគណនី</translation>
    </message>
    <message>
        <source>Account enabled.</source>
        <translation>បានបើកគណនីឡើងវិញ។</translation>
    </message>
    <message>
        <source>Account unlocked.</source>
        <translation>បានដោះសោគណនី។</translation>
    </message>
    <message>
        <source>Make a new recovery key? The old recovery key will stop working at once, and the new one is shown only once.</source>
        <translation>បង្កើតសោសង្គ្រោះថ្មី? សោសង្គ្រោះចាស់នឹងលែងប្រើបានភ្លាមៗ ហើយសោថ្មីនឹងបង្ហាញតែម្ដងប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>សោសង្គ្រោះថ្មី</translation>
    </message>
    <message>
        <source>A new recovery key was made.</source>
        <translation>បានបង្កើតសោសង្គ្រោះថ្មី។</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Connected to the CAM-IE centre. Its key fingerprint is %1.</source>
        <translation>បានភ្ជាប់ទៅមជ្ឈមណ្ឌល CAM-IE ហើយ។ ស្នាមម្រាមដៃនៃសោរបស់វាគឺ %1។</translation>
    </message>
    <message>
        <source>You can connect later from Sync status.</source>
        <translation>អ្នកអាចភ្ជាប់នៅពេលក្រោយពីទំព័រ ស្ថានភាពធ្វើសមកាលកម្ម។</translation>
    </message>
    <message>
        <source>Recovery key not stored</source>
        <translation>មិនទាន់បានរក្សាទុកសោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>The recovery key is shown only once. Quit without printing or saving it?</source>
        <translation>សោសង្គ្រោះបង្ហាញតែម្ដងប៉ុណ្ណោះ។ បិទកម្មវិធីដោយមិនបោះពុម្ព ឬរក្សាទុកវាឬ?</translation>
    </message>
    <message>
        <source>The session was locked. Sign in again to continue.</source>
        <translation>វគ្គប្រើប្រាស់ត្រូវបានចាក់សោ។ សូមចូលម្ដងទៀតដើម្បីបន្ត។</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>ពាក្យសម្ងាត់របស់អ្នកត្រូវបានប្ដូរ។</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Time</source>
        <translation>ពេលវេលា</translation>
    </message>
    <message>
        <source>User</source>
        <translation>អ្នកប្រើ</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>សកម្មភាព</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>កម្មវត្ថុ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>ព័ត៌មានលម្អិត</translation>
    </message>
    <message>
        <source>Entry %1</source>
        <translation>ធាតុទី %1</translation>
    </message>
    <message>
        <source>recovery key</source>
        <translation>សោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>this branch&apos;s store</source>
        <translation>កន្លែងផ្ទុកទិន្នន័យរបស់សាខានេះ</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>កុំព្យូទ័រនេះ</translation>
    </message>
    <message>
        <source>a draft (never submitted)</source>
        <translation>សេចក្តីព្រាង (មិនដែលបានដាក់ស្នើ)</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>អ្នកប្រើទាំងអស់</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>សកម្មភាពទាំងអស់</translation>
    </message>
    <message>
        <source>No entry matches these filters.</source>
        <translation>គ្មានធាតុណាត្រូវនឹងតម្រងទាំងនេះទេ។</translation>
    </message>
    <message>
        <source>Everything security-relevant that happened on this computer, newest first. Entries cannot be changed; Verify checks that none was.</source>
        <translation>រាល់ព្រឹត្តិការណ៍ទាក់ទងនឹងសុវត្ថិភាពដែលបានកើតឡើងនៅលើកុំព្យូទ័រនេះ ដោយធាតុថ្មីបំផុតនៅខាងលើ។ ធាតុទាំងនេះមិនអាចកែប្រែបានទេ៖ ប៊ូតុង “ផ្ទៀងផ្ទាត់” ពិនិត្យថាគ្មានធាតុណាមួយត្រូវបានកែប្រែ។</translation>
    </message>
    <message>
        <source>From</source>
        <translation>ពី</translation>
    </message>
    <message>
        <source>to</source>
        <translation>ដល់</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>ផ្ទៀងផ្ទាត់</translation>
    </message>
    <message>
        <source>Branch set up</source>
        <translation>បានរៀបចំសាខា</translation>
    </message>
    <message>
        <source>Set-up finished</source>
        <translation>ការរៀបចំបានបញ្ចប់</translation>
    </message>
    <message>
        <source>Demo branch prepared</source>
        <translation>បានរៀបចំសាខាសាកល្បង</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>បានចូល</translation>
    </message>
    <message>
        <source>Wrong password at sign-in</source>
        <translation>ពាក្យសម្ងាត់ខុសពេលចូល</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>បានចាកចេញ</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>វគ្គប្រើប្រាស់ត្រូវបានចាក់សោ</translation>
    </message>
    <message>
        <source>Signed in with the recovery key</source>
        <translation>បានចូលដោយប្រើសោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>Recovery key replaced</source>
        <translation>បានប្ដូរសោសង្គ្រោះថ្មី</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>បានបង្កើតគណនី</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>បានបិទគណនី</translation>
    </message>
    <message>
        <source>Account enabled again</source>
        <translation>បានបើកគណនីឡើងវិញ</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>បានដោះសោគណនី</translation>
    </message>
    <message>
        <source>Password reset by a manager</source>
        <translation>អ្នកគ្រប់គ្រងបានកំណត់ពាក្យសម្ងាត់ឡើងវិញ</translation>
    </message>
    <message>
        <source>Own password changed</source>
        <translation>បានប្ដូរពាក្យសម្ងាត់ផ្ទាល់ខ្លួន</translation>
    </message>
    <message>
        <source>Connected to the CAM-IE centre</source>
        <translation>បានភ្ជាប់ទៅមជ្ឈមណ្ឌល CAM-IE</translation>
    </message>
    <message>
        <source>Branch policy changed</source>
        <translation>បានប្ដូរគោលការណ៍សាខា</translation>
    </message>
    <message>
        <source>Draft thrown away</source>
        <translation>បានលុបចោលសេចក្តីព្រាង</translation>
    </message>
    <message>
        <source>Registration submitted</source>
        <translation>បានដាក់ស្នើការចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>Registration approved for sync</source>
        <translation>បានអនុម័តការចុះឈ្មោះសម្រាប់ធ្វើសមកាលកម្ម</translation>
    </message>
    <message>
        <source>Registration returned to the teller</source>
        <translation>បានប្រគល់ការចុះឈ្មោះត្រឡប់ទៅបេឡាករ</translation>
    </message>
    <message>
        <source>Registration withdrawn</source>
        <translation>បានដកការចុះឈ្មោះចេញ</translation>
    </message>
    <message>
        <source>Receipt printed or saved</source>
        <translation>បានបោះពុម្ព ឬរក្សាទុកបង្កាន់ដៃ</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>បានរក្សាទុកឯកសារបម្រុងទុក</translation>
    </message>
    <message>
        <source>Indicators exported</source>
        <translation>បាននាំចេញសូចនាករ</translation>
    </message>
    <message>
        <source>Register of registrations exported</source>
        <translation>បាននាំចេញបញ្ជីការចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>Account roles signed with a new manager key</source>
        <translation>បានចុះហត្ថលេខាលើតួនាទីគណនី ដោយសោអ្នកគ្រប់គ្រងថ្មី</translation>
    </message>
    <message>
        <source>Manager key replaced</source>
        <translation>បានប្ដូរសោអ្នកគ្រប់គ្រងថ្មី</translation>
    </message>
    <message>
        <source>Branch data given a new key</source>
        <translation>បានប្ដូរសោថ្មីឱ្យទិន្នន័យសាខា</translation>
    </message>
    <message>
        <source>Sign-in refused: account changed outside the app</source>
        <translation>បានបដិសេធការចូល៖ គណនីត្រូវបានកែប្រែនៅខាងក្រៅកម្មវិធី</translation>
    </message>
    <message>
        <source>Sign-in refused: a manager must sign in first after the update</source>
        <translation>បានបដិសេធការចូល៖ អ្នកគ្រប់គ្រងត្រូវចូលមុនគេ បន្ទាប់ពីការធ្វើបច្ចុប្បន្នភាព</translation>
    </message>
    <message>
        <source>Sign-in refused: the manager key is missing</source>
        <translation>បានបដិសេធការចូល៖ បាត់សោអ្នកគ្រប់គ្រង</translation>
    </message>
    <message>
        <source>Branch policies changed outside the app (not applied)</source>
        <translation>គោលការណ៍សាខាត្រូវបានកែប្រែនៅខាងក្រៅកម្មវិធី (មិនត្រូវបានអនុវត្ត)</translation>
    </message>
    <message>
        <source>Other action (%1)</source>
        <translation>សកម្មភាពផ្សេងទៀត (%1)</translation>
    </message>
    <message>
        <source>role</source>
        <translation>តួនាទី</translation>
    </message>
    <message>
        <source>centre key</source>
        <translation>សោមជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>review before sync</source>
        <translation>ពិនិត្យមុនធ្វើសមកាលកម្ម</translation>
    </message>
    <message>
        <source>warn after days without sync</source>
        <translation>ព្រមានក្រោយចំនួនថ្ងៃគ្មានសមកាលកម្ម</translation>
    </message>
    <message>
        <source>warn above waiting</source>
        <translation>ព្រមានពេលចំនួនរង់ចាំលើស</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>លេខយោង</translation>
    </message>
    <message>
        <source>form</source>
        <translation>ទម្រង់</translation>
    </message>
    <message>
        <source>corrects</source>
        <translation>កែតម្រូវលើ</translation>
    </message>
    <message>
        <source>duplicate warning</source>
        <translation>ការព្រមានស្ទួន</translation>
    </message>
    <message>
        <source>review</source>
        <translation>ការពិនិត្យ</translation>
    </message>
    <message>
        <source>was</source>
        <translation>ស្ថានភាពមុន</translation>
    </message>
    <message>
        <source>registrations</source>
        <translation>ការចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>approved together</source>
        <translation>អនុម័តរួមគ្នា</translation>
    </message>
    <message>
        <source>file type</source>
        <translation>ប្រភេទឯកសារ</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>ចំនួនជួរ</translation>
    </message>
    <message>
        <source>from</source>
        <translation>ពី</translation>
    </message>
    <message>
        <source>until</source>
        <translation>ដល់</translation>
    </message>
    <message>
        <source>accounts not verified</source>
        <translation>គណនីមិនបានផ្ទៀងផ្ទាត់</translation>
    </message>
    <message>
        <source>teller</source>
        <translation>បេឡាករ</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>អ្នកគ្រប់គ្រង</translation>
    </message>
    <message>
        <source>overridden</source>
        <translation>បានរំលង</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>កំពុងរង់ចាំ</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>បានប្រគល់ត្រឡប់</translation>
    </message>
    <message>
        <source>rejected by the centre</source>
        <translation>ត្រូវបានមជ្ឈមណ្ឌលបដិសេធ</translation>
    </message>
    <message>
        <source>sent back for correction</source>
        <translation>បានបញ្ជូនត្រឡប់ដើម្បីកែតម្រូវ</translation>
    </message>
    <message>
        <source>on</source>
        <translation>បើក</translation>
    </message>
    <message>
        <source>off</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>The audit log is intact: %1 entries checked.</source>
        <translation>កំណត់ហេតុសវនកម្មនៅពេញលេញ គ្មានការកែប្រែ៖ បានពិនិត្យធាតុចំនួន %1។</translation>
    </message>
    <message>
        <source>Entry %1 (%2) was changed after the CAM-IE centre witnessed it on %3: the log no longer matches what the centre holds.</source>
        <translation>ធាតុទី %1 (%2) ត្រូវបានកែប្រែ ក្រោយពេលមជ្ឈមណ្ឌល CAM-IE បានធ្វើជាសាក្សីលើវានៅ %3៖ កំណត់ហេតុលែងត្រូវគ្នានឹងអ្វីដែលមជ្ឈមណ្ឌលរក្សាទុកទៀតហើយ។</translation>
    </message>
    <message>
        <source>Entries were changed after the CAM-IE centre witnessed them on %3: the first that no longer matches is one of entries %1 to %2.</source>
        <translation>ធាតុមួយចំនួនត្រូវបានកែប្រែ ក្រោយពេលមជ្ឈមណ្ឌល CAM-IE បានធ្វើជាសាក្សីលើវានៅ %3៖ ធាតុដំបូងដែលលែងត្រូវគ្នា ស្ថិតនៅចន្លោះធាតុទី %1 ដល់ទី %2។</translation>
    </message>
    <message>
        <source>Entry %1 is missing: it was removed after it was written. The entries before it are intact.</source>
        <translation>ធាតុទី %1 បាត់៖ វាត្រូវបានលុបចេញក្រោយពេលកត់ត្រា។ ធាតុមុនៗវានៅពេញលេញ។</translation>
    </message>
    <message>
        <source>The last entries of the log were removed after they were written (after entry %1).</source>
        <translation>ធាតុចុងក្រោយនៃកំណត់ហេតុត្រូវបានលុបចេញក្រោយពេលកត់ត្រា (បន្ទាប់ពីធាតុទី %1)។</translation>
    </message>
    <message>
        <source>Entry %1 (%2) does not follow the entry before it: an entry was changed, added or removed there after it was written.</source>
        <translation>ធាតុទី %1 (%2) មិនតភ្ជាប់នឹងធាតុមុនវាទេ៖ មានធាតុមួយត្រូវបានកែប្រែ បន្ថែម ឬលុបចេញនៅត្រង់នោះ ក្រោយពេលកត់ត្រា។</translation>
    </message>
    <message>
        <source>Entry %1 does not match: it was changed or removed after it was written.</source>
        <translation>ធាតុទី %1 មិនត្រូវគ្នាទេ៖ វាត្រូវបានកែប្រែ ឬលុបចេញក្រោយពេលកត់ត្រា។</translation>
    </message>
    <message>
        <source>Entry %1 (%2) does not match: it was changed or removed after it was written.</source>
        <translation>ធាតុទី %1 (%2) មិនត្រូវគ្នាទេ៖ វាត្រូវបានកែប្រែ ឬលុបចេញក្រោយពេលកត់ត្រា។</translation>
    </message>
    <message>
        <source>The CAM-IE centre has not witnessed it yet: until this computer syncs, the chain alone vouches for it.</source>
        <translation>មជ្ឈមណ្ឌល CAM-IE មិនទាន់បានធ្វើជាសាក្សីលើកំណត់ហេតុនេះនៅឡើយទេ៖ រហូតដល់កុំព្យូទ័រនេះធ្វើសមកាលកម្ម មានតែខ្សែសង្វាក់ហាសរបស់វាប៉ុណ្ណោះដែលធានាវា។</translation>
    </message>
    <message>
        <source>The CAM-IE centre witnessed all of them (last on %1).</source>
        <translation>មជ្ឈមណ្ឌល CAM-IE បានធ្វើជាសាក្សីលើធាតុទាំងអស់នេះ (លើកចុងក្រោយនៅ %1)។</translation>
    </message>
    <message>
        <source>The CAM-IE centre witnessed entries 1 to %1 on %2; later entries rest on the chain alone until the next sync.</source>
        <translation>មជ្ឈមណ្ឌល CAM-IE បានធ្វើជាសាក្សីលើធាតុទី 1 ដល់ទី %1 នៅ %2។ ធាតុបន្ទាប់ពីនោះពឹងផ្អែកតែលើខ្សែសង្វាក់ហាសប៉ុណ្ណោះ រហូតដល់ការធ្វើសមកាលកម្មលើកក្រោយ។</translation>
    </message>
</context>
<context>
    <name>BatchHistory</name>
    <message>
        <source>Sent</source>
        <translation>ពេលផ្ញើ</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>កំណត់ត្រា</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>ទំហំ</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>រយៈពេល</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>លទ្ធផល</translation>
    </message>
    <message>
        <source>Batch %1</source>
        <translation>បាច់ទី %1</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>លេខយោង</translation>
    </message>
    <message>
        <source>State</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <source>CAM-IE number</source>
        <translation>លេខ CAM-IE</translation>
    </message>
    <message>
        <source>The centre&apos;s message</source>
        <translation>សាររបស់មជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>Sent again in a later batch</source>
        <translation>បានផ្ញើម្ដងទៀតក្នុងបាច់ក្រោយ</translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message>
        <source>Required</source>
        <extracomment>Arrow keys in a group of options: one step back or forward, whatever the layout&apos;s direction.</extracomment>
        <translation>ត្រូវបំពេញ</translation>
    </message>
    <message>
        <source>CAM-IE centre: %1</source>
        <translation>មជ្ឈមណ្ឌល CAM-IE៖ %1</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>គ្រាប់ចុច %1</translation>
    </message>
    <message>
        <source>Type to search…</source>
        <translation>វាយដើម្បីស្វែងរក…</translation>
    </message>
    <message>
        <source>Read the answers back to the owner. To change one, go back to its page (Page Up) or choose Edit.</source>
        <extracomment>The second language&apos;s line under the first (the colour of the review&apos;s labels).</extracomment>
        <translation>សូមអានចម្លើយឱ្យម្ចាស់អាជីវកម្មស្តាប់ម្តងទៀត។ ដើម្បីកែចម្លើយណាមួយ សូមត្រឡប់ទៅទំព័ររបស់វា (Page Up) ឬចុច កែ។</translation>
    </message>
    <message>
        <source>The registration cannot be submitted yet. Fix these answers:</source>
        <translation>មិនទាន់អាចបញ្ជូនការចុះឈ្មោះនេះបានទេ។ សូមកែចម្លើយទាំងនេះ៖</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>កែ</translation>
    </message>
    <message>
        <source>Submit registration</source>
        <translation>បញ្ជូនការចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>បន្ទាប់</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>ពិនិត្យ</translation>
    </message>
    <message>
        <source>%v of %m required answered</source>
        <translation>បានឆ្លើយ %v ក្នុងចំណោម %m ដែលត្រូវការ</translation>
    </message>
    <message>
        <source>New registration</source>
        <translation>ចុះឈ្មោះថ្មី</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ត្រឡប់ក្រោយ</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation>រក្សាទុក ហើយបិទ</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>រក្សាទុកសេចក្តីព្រាង</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>ទំព័រមុន (Page Up)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>ទំព័របន្ទាប់ (Page Down)</translation>
    </message>
    <message>
        <source>The registration you were typing is kept in the drafts.</source>
        <translation>ការចុះឈ្មោះដែលអ្នកកំពុងវាយ ត្រូវបានរក្សាទុកក្នុងសេចក្តីព្រាង។</translation>
    </message>
    <message>
        <source>This draft is no longer there.</source>
        <translation>សេចក្តីព្រាងនេះលែងមានទៀតហើយ។</translation>
    </message>
    <message>
        <source>This draft was made with a form this version of the app does not have.</source>
        <translation>សេចក្តីព្រាងនេះត្រូវបានធ្វើដោយទម្រង់ដែលកំណែកម្មវិធីនេះមិនមាន។</translation>
    </message>
    <message>
        <source>This registration is not in this branch&apos;s store.</source>
        <translation>ការចុះឈ្មោះនេះមិនមាននៅក្នុងទិន្នន័យរបស់សាខានេះទេ។</translation>
    </message>
    <message>
        <source>Correction of %1</source>
        <translation>ការកែតម្រូវនៃ %1</translation>
    </message>
    <message>
        <source>The CAM-IE centre sent this registration back. Its notes are shown beside the answers.</source>
        <translation>មជ្ឈមណ្ឌល CAM-IE បានបញ្ជូនការចុះឈ្មោះនេះមកវិញ។ កំណត់សម្គាល់របស់វាបង្ហាញនៅក្បែរចម្លើយ។</translation>
    </message>
    <message>
        <source>Draft saved at %1.</source>
        <translation>បានរក្សាទុកសេចក្តីព្រាងនៅម៉ោង %1។</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>មិនអាចរក្សាទុកសេចក្តីព្រាងបានទេ៖ %1</translation>
    </message>
    <message>
        <source>without a name yet</source>
        <translation>មិនទាន់មានឈ្មោះ</translation>
    </message>
    <message>
        <source>Discard the draft (%1)? What was typed in it will be lost.</source>
        <translation>បោះបង់សេចក្តីព្រាង (%1)? អ្វីដែលបានវាយក្នុងនោះនឹងបាត់។</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>បោះបង់សេចក្តីព្រាង</translation>
    </message>
    <message>
        <source>Some answers need attention: they are marked in red.</source>
        <translation>ចម្លើយខ្លះត្រូវពិនិត្យ៖ វាត្រូវបានសម្គាល់ជាពណ៌ក្រហម។</translation>
    </message>
    <message>
        <source>DD-MM-YYYY</source>
        <translation>ថ្ងៃ-ខែ-ឆ្នាំ</translation>
    </message>
    <message>
        <source>age %1</source>
        <extracomment>The separator put between groups of three digits. What a teller may type between digit groups herself (spaces of every width, commas).</extracomment>
        <translation>អាយុ %1 ឆ្នាំ</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>%1 (age %2)</source>
        <extracomment>Marks a row whose two answers differ (with the row&apos;s colour).</extracomment>
        <translation>%1 (អាយុ %2 ឆ្នាំ)</translation>
    </message>
    <message>
        <source>Name (Khmer script)</source>
        <translation>ឈ្មោះ (អក្សរខ្មែរ)</translation>
    </message>
    <message>
        <source>Name (Latin letters)</source>
        <translation>ឈ្មោះ (អក្សរឡាតាំង)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>ថ្ងៃខែឆ្នាំកំណើត</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>ឯកសារបញ្ជាក់អត្តសញ្ញាណ</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>លេខទូរស័ព្ទ</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>ឈ្មោះអាជីវកម្ម</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>ភូមិ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <source>Being typed, not submitted</source>
        <translation>កំពុងវាយ មិនទាន់បញ្ជូន</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>លេខយោង</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>មិនទាន់មាន</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>បានបញ្ជូន</translation>
    </message>
    <message>
        <source>Compare with a registered owner</source>
        <translation>ប្រៀបធៀបជាមួយម្ចាស់ដែលបានចុះឈ្មោះរួច</translation>
    </message>
    <message>
        <source>Is this the same owner?</source>
        <translation>តើនេះជាម្ចាស់តែមួយឬ?</translation>
    </message>
    <message>
        <source>%1 marks the answers that differ. Check them with the owner.</source>
        <translation>%1 សម្គាល់ចម្លើយដែលខុសគ្នា។ សូមពិនិត្យជាមួយម្ចាស់អាជីវកម្ម។</translation>
    </message>
    <message>
        <source>This registration</source>
        <translation>ការចុះឈ្មោះនេះ</translation>
    </message>
    <message>
        <source>Already registered</source>
        <translation>បានចុះឈ្មោះរួចហើយ</translation>
    </message>
    <message>
        <source>Continue this registration</source>
        <translation>បន្តការចុះឈ្មោះនេះ</translation>
    </message>
    <message>
        <source>Open the registered record</source>
        <translation>បើកកំណត់ត្រាដែលបានចុះឈ្មោះ</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>CAM-IE Branch Client</source>
        <translation>កម្មវិធីសាខា CAM-IE</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>រក្សាទុកជា PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ឯកសារ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Centre&apos;s CA certificate</source>
        <translation>វិញ្ញាបនបត្រ CA របស់មជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>វិញ្ញាបនបត្រ (*.pem *.crt)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>បោះពុម្ព</translation>
    </message>
    <message>
        <source>&amp;Printer</source>
        <translation>ម៉ាស៊ីនបោះពុម្ព (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Copies</source>
        <translation>ចំនួនច្បាប់ (&amp;C)</translation>
    </message>
    <message>
        <source>No printer is set up on this computer.</source>
        <translation>កុំព្យូទ័រនេះមិនទាន់មានម៉ាស៊ីនបោះពុម្ពទេ។</translation>
    </message>
    <message>
        <source>Password (at least 8 characters)</source>
        <translation>ពាក្យសម្ងាត់ (យ៉ាងតិច ៨ តួអក្សរ)</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>ពាក្យសម្ងាត់ម្ដងទៀត</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>គណនីថ្មី</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>ពាក្យសម្ងាត់ថ្មី</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>បេឡាករ</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>អ្នកគ្រប់គ្រង</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>ឈ្មោះអ្នកប្រើ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>តួនាទី</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>គណនី</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>ប្ដូរពាក្យសម្ងាត់របស់ខ្ញុំ</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>ពាក្យសម្ងាត់បច្ចុប្បន្ន</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>just now</source>
        <extracomment>The draft&apos;s completeness, 0..1, for the progress bar drawn in its column.</extracomment>
        <translation>អម្បាញ់មិញ</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 នាទីមុន</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 ម៉ោងមុន</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ម្ចាស់</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>កែចុងក្រោយ</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>បំពេញបាន</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(មិនទាន់មានឈ្មោះ)</translation>
    </message>
    <message>
        <source>Correction of %1</source>
        <translation>ការកែតម្រូវនៃ %1</translation>
    </message>
    <message>
        <source>New registration</source>
        <translation>ចុះឈ្មោះថ្មី</translation>
    </message>
    <message>
        <source>Started %1; last change %2</source>
        <translation>ចាប់ផ្តើម %1; កែចុងក្រោយ %2</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>Same ID number</source>
        <translation>លេខអត្តសញ្ញាណដូចគ្នា</translation>
    </message>
    <message>
        <source>Same phone number</source>
        <translation>លេខទូរស័ព្ទដូចគ្នា</translation>
    </message>
    <message>
        <source>Same name and date of birth</source>
        <translation>ឈ្មោះ និងថ្ងៃខែឆ្នាំកំណើតដូចគ្នា</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>អាចជាការចុះឈ្មោះស្ទួន</translation>
    </message>
    <message>
        <source>This owner may already be registered at this branch</source>
        <translation>ម្ចាស់អាជីវកម្មនេះប្រហែលជាបានចុះឈ្មោះនៅសាខានេះរួចហើយ</translation>
    </message>
    <message>
        <source>Check with the owner. If it is the same business, open the registration instead of making a second one. If it is a different business, or a different person, say why and submit.</source>
        <translation>សូមសួរម្ចាស់អាជីវកម្ម។ បើជាអាជីវកម្មដដែល សូមបើកការចុះឈ្មោះនោះ ជំនួសឱ្យការធ្វើមួយទៀត។ បើជាអាជីវកម្មផ្សេង ឬមនុស្សផ្សេង សូមសរសេរមូលហេតុ ហើយបញ្ជូន។</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>លេខយោង</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ម្ចាស់</translation>
    </message>
    <message>
        <source>What matches</source>
        <translation>អ្វីដែលដូចគ្នា</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>បានដាក់ស្នើ</translation>
    </message>
    <message>
        <source>Open the selected registration</source>
        <translation>បើកការចុះឈ្មោះដែលបានជ្រើស</translation>
    </message>
    <message>
        <source>Compare with the selected registration</source>
        <translation>ប្រៀបធៀបជាមួយការចុះឈ្មោះដែលបានជ្រើស</translation>
    </message>
    <message>
        <source>Why register anyway? (required)</source>
        <translation>ហេតុអ្វីនៅតែចុះឈ្មោះ? (ត្រូវបំពេញ)</translation>
    </message>
    <message>
        <source>For example: a second business of the same owner, at another market.</source>
        <translation>ឧទាហរណ៍៖ អាជីវកម្មទីពីររបស់ម្ចាស់ដដែល នៅផ្សារមួយទៀត។</translation>
    </message>
    <message>
        <source>Submit anyway</source>
        <translation>នៅតែបញ្ជូន</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>ត្រឡប់ក្រោយ</translation>
    </message>
    <message>
        <source>submitted %1</source>
        <extracomment>Quiet time after the last keystroke in a key&apos;s question before the store is asked. The shortcut that compares while a warning shows. Once a new warning is laid out, the page scrolls (if need be) so that it is seen whole.</extracomment>
        <translation>បានបញ្ជូន %1</translation>
    </message>
    <message>
        <source>Already registered at this branch: %1</source>
        <translation>បានចុះឈ្មោះរួចហើយនៅសាខានេះ៖ %1</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>និង %1 ទៀត</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>ប្រៀបធៀប</translation>
    </message>
    <message>
        <source>Show both registrations side by side (%1)</source>
        <translation>បង្ហាញការចុះឈ្មោះទាំងពីរនៅក្បែរគ្នា (%1)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The username or password is not correct.</source>
        <translation>ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវទេ។</translation>
    </message>
    <message>
        <source>This account is locked after 5 wrong passwords. Try again after %1, or ask a manager to unlock it.</source>
        <translation>គណនីនេះត្រូវបានចាក់សោ ដោយសារវាយពាក្យសម្ងាត់ខុស ៥ ដង។ សូមព្យាយាមម្ដងទៀតក្រោយម៉ោង %1 ឬសុំឱ្យអ្នកគ្រប់គ្រងដោះសោ។</translation>
    </message>
    <message>
        <source>Too many wrong recovery keys. Try again after %1.</source>
        <translation>បានវាយសោសង្គ្រោះខុសច្រើនដងពេក។ សូមព្យាយាមម្ដងទៀតក្រោយម៉ោង %1។</translation>
    </message>
    <message>
        <source>This account has been disabled. Ask your branch manager.</source>
        <translation>គណនីនេះត្រូវបានបិទ។ សូមសួរអ្នកគ្រប់គ្រងសាខារបស់អ្នក។</translation>
    </message>
    <message>
        <source>This recovery key is not correct. Check each group of four characters.</source>
        <translation>សោសង្គ្រោះនេះមិនត្រឹមត្រូវទេ។ សូមពិនិត្យក្រុមនីមួយៗដែលមានបួនតួអក្សរ។</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters and must not be the username.</source>
        <translation>ពាក្យសម្ងាត់ត្រូវមានយ៉ាងតិច ៨ តួអក្សរ ហើយមិនត្រូវដូចឈ្មោះអ្នកប្រើទេ។</translation>
    </message>
    <message>
        <source>A username has 3 to 32 characters: letters a-z, digits, dot, dash or underscore.</source>
        <translation>ឈ្មោះអ្នកប្រើមានពី ៣ ដល់ ៣២ តួអក្សរ៖ អក្សរ a-z លេខ ចំណុច (.) សញ្ញាដក (-) ឬសញ្ញាគូសក្រោម (_)។</translation>
    </message>
    <message>
        <source>This username is already in use.</source>
        <translation>ឈ្មោះអ្នកប្រើនេះមានគេប្រើរួចហើយ។</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>គណនីរបស់អ្នកមិនមានសិទ្ធិធ្វើការនេះទេ។</translation>
    </message>
    <message>
        <source>This account was changed outside the app, so it cannot be used. The attempt was recorded. Ask your branch manager.</source>
        <translation>គណនីនេះត្រូវបានកែប្រែនៅខាងក្រៅកម្មវិធី ដូច្នេះមិនអាចប្រើបានទេ។ ការប៉ុនប៉ងនេះត្រូវបានកត់ត្រាទុក។ សូមសួរអ្នកគ្រប់គ្រងសាខារបស់អ្នក។</translation>
    </message>
    <message>
        <source>The app was updated. A manager must sign in once before tellers can sign in again.</source>
        <translation>កម្មវិធីត្រូវបានធ្វើបច្ចុប្បន្នភាព។ អ្នកគ្រប់គ្រងត្រូវចូលម្ដងសិន ទើបបេឡាករអាចចូលបានវិញ។</translation>
    </message>
    <message>
        <source>The branch&apos;s data was changed outside the app: its manager key is missing. Nothing was changed. Call IT support.</source>
        <translation>ទិន្នន័យរបស់សាខាត្រូវបានកែប្រែនៅខាងក្រៅកម្មវិធី៖ បាត់សោអ្នកគ្រប់គ្រងរបស់វា។ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ។ សូមទូរស័ព្ទទៅផ្នែកព័ត៌មានវិទ្យា។</translation>
    </message>
    <message>
        <source>Enter a branch code of 2 to 16 letters, digits or dashes, and the branch&apos;s name.</source>
        <translation>សូមបញ្ចូលលេខកូដសាខាពី ២ ដល់ ១៦ តួ (អក្សរ លេខ ឬសញ្ញាដក) និងឈ្មោះសាខា។</translation>
    </message>
    <message>
        <source>The branch&apos;s data file is missing. Nothing was changed. Restore it from a backup or call IT support.</source>
        <translation>រកមិនឃើញឯកសារទិន្នន័យរបស់សាខា។ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ។ សូមស្ដារវាពីឯកសារបម្រុងទុក ឬទូរស័ព្ទទៅផ្នែកព័ត៌មានវិទ្យា។</translation>
    </message>
    <message>
        <source>The branch&apos;s data file is damaged and cannot be opened. Nothing was changed. Call IT support to restore it from a backup.</source>
        <translation>ឯកសារទិន្នន័យរបស់សាខាខូច ហើយមិនអាចបើកបានទេ។ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ។ សូមទូរស័ព្ទទៅផ្នែកព័ត៌មានវិទ្យា ដើម្បីស្ដារវាពីឯកសារបម្រុងទុក។</translation>
    </message>
    <message>
        <source>The branch&apos;s data file cannot be read (permissions or a disk problem). Call IT support.</source>
        <translation>មិនអាចអានឯកសារទិន្នន័យរបស់សាខាបានទេ (បញ្ហាសិទ្ធិ ឬបញ្ហាថាស)។ សូមទូរស័ព្ទទៅផ្នែកព័ត៌មានវិទ្យា។</translation>
    </message>
    <message>
        <source>A branch is already set up in this data folder.</source>
        <translation>ថតទិន្នន័យនេះមានសាខាមួយរៀបចំរួចហើយ។</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved. Free some space, then try again.</source>
        <translation>ថាសពេញ។ គ្មានអ្វីត្រូវបានរក្សាទុកទេ។ សូមបង្កើនទំហំទំនេរ រួចព្យាយាមម្ដងទៀត។</translation>
    </message>
    <message>
        <source>The data folder cannot be written to. Nothing was saved. Call IT support.</source>
        <translation>មិនអាចសរសេរចូលថតទិន្នន័យបានទេ។ គ្មានអ្វីត្រូវបានរក្សាទុកទេ។ សូមទូរស័ព្ទទៅផ្នែកព័ត៌មានវិទ្យា។</translation>
    </message>
    <message>
        <source>The Branch Client is already open for this branch on this computer. Use that window.</source>
        <translation>កម្មវិធីសាខាកំពុងបើកសម្រាប់សាខានេះនៅលើកុំព្យូទ័រនេះរួចហើយ។ សូមប្រើផ្ទាំងនោះ។</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Nothing was lost; the details are in the log file.</source>
        <translation>មានបញ្ហាដែលមិនបានរំពឹងទុក។ គ្មានអ្វីបាត់បង់ទេ ព័ត៌មានលម្អិតមាននៅក្នុងឯកសារកំណត់ហេតុ។</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>ពាក្យសម្ងាត់ទាំងពីរមិនដូចគ្នាទេ។</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Guide</source>
        <extracomment>The sections every guide has, by the key of the page they explain.</extracomment>
        <translation>មគ្គុទ្ទេសក៍</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <source>%1: open the list</source>
        <translation>%1៖ បើកបញ្ជី</translation>
    </message>
    <message>
        <source>What the centre said since your last look (%1):</source>
        <translation>អ្វីដែលមជ្ឈមណ្ឌលបានឆ្លើយ ចាប់តាំងពីអ្នកមើលចុងក្រោយ (%1)៖</translation>
    </message>
    <message>
        <source>What the centre said today:</source>
        <translation>អ្វីដែលមជ្ឈមណ្ឌលបានឆ្លើយនៅថ្ងៃនេះ៖</translation>
    </message>
    <message>
        <source>This branch PC is not connected to the centre yet.</source>
        <translation>កុំព្យូទ័រសាខានេះមិនទាន់បានភ្ជាប់ទៅមជ្ឈមណ្ឌលនៅឡើយទេ។</translation>
    </message>
    <message>
        <source>Last successful sync: %1</source>
        <translation>ការធ្វើសមកាលកម្មជោគជ័យចុងក្រោយ៖ %1</translation>
    </message>
    <message>
        <source>Branch home — %1</source>
        <translation>ទំព័រដើមសាខា — %1</translation>
    </message>
    <message>
        <source>My desk</source>
        <translation>តុរបស់ខ្ញុំ</translation>
    </message>
    <message>
        <source>Registrations, by the owner&apos;s sex</source>
        <translation>ការចុះឈ្មោះ តាមភេទម្ចាស់</translation>
    </message>
    <message>
        <source>My registrations, by the owner&apos;s sex</source>
        <translation>ការចុះឈ្មោះរបស់ខ្ញុំ តាមភេទម្ចាស់</translation>
    </message>
    <message>
        <source>Needs you</source>
        <translation>ត្រូវការអ្នក</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>រង់ចាំខ្ញុំ</translation>
    </message>
    <message>
        <source>News from the centre</source>
        <translation>ដំណឹងពីមជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>On its way to the centre</source>
        <translation>កំពុងធ្វើដំណើរទៅមជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>New registration (Ctrl+N)</source>
        <translation>ចុះឈ្មោះថ្មី (Ctrl+N)</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>ស្ត្រី</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>បុរស</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>មិនបានកត់ត្រា</translation>
    </message>
    <message>
        <source>All</source>
        <translation>ទាំងអស់</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>ថ្ងៃនេះ</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>សប្ដាហ៍នេះ</translation>
    </message>
    <message>
        <source>My drafts, not yet submitted</source>
        <translation>សេចក្ដីព្រាងរបស់ខ្ញុំ ដែលមិនទាន់បានដាក់ស្នើ</translation>
    </message>
    <message>
        <source>Sent back by the centre, to correct or withdraw</source>
        <translation>មជ្ឈមណ្ឌលបានបញ្ជូនត្រឡប់ ដើម្បីកែតម្រូវ ឬដកចេញ</translation>
    </message>
    <message>
        <source>Sent back to me by the centre</source>
        <translation>មជ្ឈមណ្ឌលបានបញ្ជូនត្រឡប់មកខ្ញុំ</translation>
    </message>
    <message>
        <source>Returned to tellers, not yet corrected</source>
        <translation>បានប្រគល់ត្រឡប់ទៅបេឡាករ មិនទាន់កែតម្រូវ</translation>
    </message>
    <message>
        <source>Returned to me by the manager</source>
        <translation>អ្នកគ្រប់គ្រងបានប្រគល់ត្រឡប់មកខ្ញុំ</translation>
    </message>
    <message>
        <source>Waiting for your approval</source>
        <translation>រង់ចាំការអនុម័តរបស់អ្នក</translation>
    </message>
    <message>
        <source>Waiting for the manager&apos;s approval</source>
        <translation>រង់ចាំការអនុម័តរបស់អ្នកគ្រប់គ្រង</translation>
    </message>
    <message>
        <source>Waiting to be sent to the centre</source>
        <translation>រង់ចាំបញ្ជូនទៅមជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>Sent, no answer yet</source>
        <translation>បានផ្ញើ មិនទាន់មានចម្លើយ</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>បានទទួលយក</translation>
    </message>
    <message>
        <source>Probable duplicates</source>
        <translation>ទំនងជាស្ទួន</translation>
    </message>
    <message>
        <source>Sent back</source>
        <translation>បានបញ្ជូនត្រឡប់</translation>
    </message>
</context>
<context>
    <name>Indicators</name>
    <message>
        <source>Confirm it is you</source>
        <translation>បញ្ជាក់អត្តសញ្ញាណរបស់អ្នក</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>ពាក្យសម្ងាត់របស់អ្នក</translation>
    </message>
    <message>
        <source>Women-owned</source>
        <extracomment>Qt.UserRole on a count cell: the number itself (display text is locale-formatted). The roles `data` answers; a view asks for a dozen more per cell each paint, so those are turned away before any other work.</extracomment>
        <translation>មានម្ចាស់ជាស្ត្រី</translation>
    </message>
    <message>
        <source>Men-owned</source>
        <translation>មានម្ចាស់ជាបុរស</translation>
    </message>
    <message>
        <source>Sex not recorded</source>
        <translation>មិនបានកត់ត្រាភេទ</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>សរុប</translation>
    </message>
    <message>
        <source>% women</source>
        <translation>% ស្ត្រី</translation>
    </message>
    <message>
        <source>Indicators — %1 (%2)</source>
        <translation>សូចនាករ — %1 (%2)</translation>
    </message>
    <message>
        <source>Period: %1 · made on %2</source>
        <translation>រយៈពេល៖ %1 · បង្កើតនៅ %2</translation>
    </message>
    <message>
        <source>of the businesses registered are owned by women</source>
        <translation>នៃអាជីវកម្មដែលបានចុះឈ្មោះ មានម្ចាស់ជាស្ត្រី</translation>
    </message>
    <message>
        <source>%1 women-owned and %2 men-owned of %3 registrations.</source>
        <translation>ក្នុងចំណោមការចុះឈ្មោះចំនួន %3 មាន %1 ដែលមានម្ចាស់ជាស្ត្រី និង %2 ដែលមានម្ចាស់ជាបុរស។</translation>
    </message>
    <message>
        <source>Sex not recorded: %1.</source>
        <translation>មិនបានកត់ត្រាភេទ៖ %1។</translation>
    </message>
    <message>
        <source>Each business counts once, in its latest version; withdrawn registrations are not counted. Breakdowns show the %1 largest; the CSV export has all.</source>
        <translation>អាជីវកម្មនីមួយៗត្រូវបានរាប់តែម្ដង តាមកំណែចុងក្រោយរបស់វា។ ការចុះឈ្មោះដែលបានដកចេញ មិនត្រូវបានរាប់ទេ។ ការបែងចែកលម្អិតបង្ហាញតែ %1 ធំជាងគេ ឯឯកសារ CSV ដែលនាំចេញមានទាំងអស់។</translation>
    </message>
    <message>
        <source>No service requested</source>
        <translation>មិនបានស្នើសុំសេវា</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>មិនបានឆ្លើយ</translation>
    </message>
    <message>
        <source>Women workers</source>
        <translation>កម្មករស្ត្រី</translation>
    </message>
    <message>
        <source>Men workers</source>
        <translation>កម្មករបុរស</translation>
    </message>
    <message>
        <source>All registrations</source>
        <translation>ការចុះឈ្មោះទាំងអស់</translation>
    </message>
    <message>
        <source>Registrations over time</source>
        <translation>ការចុះឈ្មោះតាមពេលវេលា</translation>
    </message>
    <message>
        <source>By main activity</source>
        <translation>តាមសកម្មភាពចម្បង</translation>
    </message>
    <message>
        <source>By premises</source>
        <translation>តាមទីតាំងអាជីវកម្ម</translation>
    </message>
    <message>
        <source>By province</source>
        <translation>តាមរាជធានី/ខេត្ត</translation>
    </message>
    <message>
        <source>By district</source>
        <translation>តាមស្រុក/ខណ្ឌ</translation>
    </message>
    <message>
        <source>Services requested</source>
        <translation>សេវាដែលបានស្នើសុំ</translation>
    </message>
    <message>
        <source>Workers by sex, by the owner&apos;s sex</source>
        <translation>កម្មករតាមភេទ បែងចែកតាមភេទរបស់ម្ចាស់</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>ថ្ងៃ</translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation>សប្ដាហ៍ចាប់ពី</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ខែ</translation>
    </message>
    <message>
        <source>Main activity</source>
        <translation>សកម្មភាពចម្បង</translation>
    </message>
    <message>
        <source>Premises</source>
        <translation>ទីតាំងអាជីវកម្ម</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>រាជធានី/ខេត្ត</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ស្រុក/ខណ្ឌ</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>សេវា</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>កម្មករ</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>ការចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>សូចនាករ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>លេខកូដ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <source>% women-owned</source>
        <translation>% មានម្ចាស់ជាស្ត្រី</translation>
    </message>
    <message>
        <source>All</source>
        <translation>ទាំងអស់</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>កាលបរិច្ឆេទចាប់ផ្ដើមនៅក្រោយកាលបរិច្ឆេទបញ្ចប់។</translation>
    </message>
    <message>
        <source>No registrations in this period.</source>
        <translation>គ្មានការចុះឈ្មោះក្នុងរយៈពេលនេះទេ។</translation>
    </message>
    <message>
        <source>The chart shows the %1 largest; the table lists all %2.</source>
        <translation>គំនូសតាងបង្ហាញតែ %1 ធំជាងគេ ឯតារាងរាយបញ្ជីទាំង %2។</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>សូចនាករ</translation>
    </message>
    <message>
        <source>Registrations of this branch by the owner&apos;s sex, as the national M&amp;E framework asks. Each business counts once, in its latest version; withdrawn registrations are not counted. Days are Cambodian days.</source>
        <translation>ការចុះឈ្មោះរបស់សាខានេះ តាមភេទរបស់ម្ចាស់ ដូចដែលក្របខ័ណ្ឌ M&amp;E ជាតិតម្រូវ។ អាជីវកម្មនីមួយៗត្រូវបានរាប់តែម្ដង តាមកំណែចុងក្រោយរបស់វា។ ការចុះឈ្មោះដែលបានដកចេញ មិនត្រូវបានរាប់ទេ។ ថ្ងៃគិតតាមម៉ោងកម្ពុជា។</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>រយៈពេល</translation>
    </message>
    <message>
        <source>From</source>
        <translation>ពី</translation>
    </message>
    <message>
        <source>to</source>
        <translation>ដល់</translation>
    </message>
    <message>
        <source>Over time by</source>
        <translation>តាមពេលវេលា គិតជា</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>ខែនេះ</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>៣ ខែចុងក្រោយ</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>ឆ្នាំនេះ</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>គ្រប់ពេលវេលា</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>កាលបរិច្ឆេទដែលបានជ្រើសរើស</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>សប្ដាហ៍</translation>
    </message>
    <message>
        <source>Export figures (CSV)…</source>
        <translation>នាំចេញតួលេខ (CSV)…</translation>
    </message>
    <message>
        <source>Report (PDF)…</source>
        <translation>របាយការណ៍ (PDF)…</translation>
    </message>
    <message>
        <source>Export register with personal data…</source>
        <translation>នាំចេញបញ្ជីចុះឈ្មោះដែលមានទិន្នន័យផ្ទាល់ខ្លួន…</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>នាំចេញតួលេខ</translation>
    </message>
    <message>
        <source>Figures saved to %1.</source>
        <translation>តួលេខត្រូវបានរក្សាទុកក្នុង %1។</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>រក្សាទុករបាយការណ៍</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>របាយការណ៍ត្រូវបានរក្សាទុកក្នុង %1។</translation>
    </message>
    <message>
        <source>The report could not be written there. Choose another folder.</source>
        <translation>មិនអាចរក្សាទុករបាយការណ៍នៅទីនោះបានទេ។ សូមជ្រើសរើសថតផ្សេង។</translation>
    </message>
    <message>
        <source>The register holds the owners&apos; names, ID numbers and phone numbers. Type your password to export it, and keep the file safe.</source>
        <translation>បញ្ជីចុះឈ្មោះមានឈ្មោះ លេខអត្តសញ្ញាណប័ណ្ណ និងលេខទូរស័ព្ទរបស់ម្ចាស់អាជីវកម្ម។ សូមវាយពាក្យសម្ងាត់របស់អ្នក ដើម្បីនាំចេញវា ហើយរក្សាឯកសារនេះឱ្យមានសុវត្ថិភាព។</translation>
    </message>
    <message>
        <source>Export register</source>
        <translation>នាំចេញបញ្ជីចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>លេខយោង</translation>
    </message>
    <message>
        <source>Submitted (Cambodian time)</source>
        <translation>បានដាក់ស្នើ (ម៉ោងកម្ពុជា)</translation>
    </message>
    <message>
        <source>The password is not correct. Nothing was exported.</source>
        <translation>ពាក្យសម្ងាត់មិនត្រឹមត្រូវទេ។ គ្មានអ្វីត្រូវបាននាំចេញទេ។</translation>
    </message>
    <message>
        <source>%1 registrations saved to %2.</source>
        <translation>ការចុះឈ្មោះចំនួន %1 ត្រូវបានរក្សាទុកក្នុង %2។</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Sign in</source>
        <translation>ចូល</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>ឈ្មោះអ្នកប្រើ</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>ពាក្យសម្ងាត់</translation>
    </message>
    <message>
        <source>Forgot password? Use the recovery key</source>
        <translation>ភ្លេចពាក្យសម្ងាត់? ប្រើសោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>Branch: %1 (%2)</source>
        <translation>សាខា៖ %1 (%2)</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>ដ្រាយ</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>ថត</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>ថតឯកសារ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ឯកសារ</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>ផ្លូវកាត់</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>មិនស្គាល់</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>ជ្រើសរើសទាំងអស់ (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>បង្កើន (&amp;U)</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>បន្ថយ (&amp;D)</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>យល់ព្រម</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>មើលក្នុង (&amp;L)៖</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>ឈ្មោះឯកសារ (&amp;N)៖</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ប្រភេទឯកសារ (&amp;T)៖</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>ថត៖</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>បើក (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>រក្សាទុក (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>ជ្រើសរើស (&amp;C)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>បើក</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>រក្សាទុកជា</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>ស្វែងរកថត</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>ថត</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ឯកសារ</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ថយក្រោយ</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>ថយក្រោយ</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>ទៅមុខ</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>ទៅមុខ</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>ថតមេ</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>ទៅថតមេ</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>បង្កើតថតថ្មី</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>បង្កើតថតថ្មី</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>ថតថ្មី</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>ថតថ្មី (&amp;N)</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>មើលជាបញ្ជី</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>ប្ដូរទៅការមើលជាបញ្ជី</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>មើលលម្អិត</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>ប្ដូរទៅការមើលលម្អិត</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>របារចំហៀង</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>បញ្ជីទីតាំង និងចំណាំ</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>ទីតាំងថ្មីៗ</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>ប្ដូរឈ្មោះ (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>លុប (&amp;D)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ដកចេញ</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>បង្ហាញឯកសារដែលលាក់ (&amp;H)</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>បង្ហាញ </translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 មានរួចហើយ។
តើអ្នកចង់ជំនួសវាឬទេ?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
រកមិនឃើញឯកសារនេះទេ។
សូមពិនិត្យមើលថាឈ្មោះឯកសារត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
រកមិនឃើញថតនេះទេ។
សូមពិនិត្យមើលថាឈ្មោះថតត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; ត្រូវបានការពារមិនឱ្យកែប្រែ។
តើអ្នកនៅតែចង់លុបវាឬ?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>តើអ្នកប្រាកដថាចង់លុប &apos;%1&apos; ឬ?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>មិនអាចលុបថតនេះបានទេ។</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>ទំហំ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>កាលបរិច្ឆេទកែប្រែ</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>កុំព្យូទ័រ</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>កុំព្យូទ័ររបស់ខ្ញុំ</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>ឈ្មោះឯកសារមិនត្រឹមត្រូវ</translation>
    </message>
    <message>
        <source>&lt;b&gt;The name &quot;%1&quot; cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translation>&lt;b&gt;មិនអាចប្រើឈ្មោះ &quot;%1&quot; បានទេ។&lt;/b&gt;&lt;p&gt;សូមប្រើឈ្មោះផ្សេង ដែលមានតួអក្សរតិចជាងនេះ ឬគ្មានសញ្ញាវណ្ណយុត្តិ។</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>យល់ព្រម (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>រក្សាទុក (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>បោះបង់ (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>បិទ (&amp;C)</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>បិទដោយមិនរក្សាទុក</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>មិនធ្វើវិញ (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ធ្វើវិញ (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>កាត់ (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>ចម្លង (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>បិទភ្ជាប់ (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>ជ្រើសរើសទាំងអស់</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>បង្ហាញព័ត៌មានលម្អិត...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>លាក់ព័ត៌មានលម្អិត...</translation>
    </message>
</context>
<context>
    <name>QMimeType</name>
    <message>
        <source>PDF document</source>
        <translation>ឯកសារ PDF</translation>
    </message>
    <message>
        <source>CSV document</source>
        <translation>ឯកសារ CSV</translation>
    </message>
    <message>
        <source>DER/PEM/Netscape-encoded X.509 certificate</source>
        <translation>វិញ្ញាបនបត្រ X.509 (DER/PEM)</translation>
    </message>
    <message>
        <source>plain text document</source>
        <translation>ឯកសារអត្ថបទធម្មតា</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Paper</source>
        <translation>ក្រដាស</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>ទំហំទំព័រ៖</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>ទទឹង៖</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>កម្ពស់៖</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>កំណត់ដោយខ្លួនឯង</translation>
    </message>
    <message>
        <source>Paper source:</source>
        <translation>ប្រភពក្រដាស៖</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>ទិសទំព័រ</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>បញ្ឈរ</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>ផ្ដេក</translation>
    </message>
    <message>
        <source>Reverse landscape</source>
        <translation>ផ្ដេកបញ្ច្រាស</translation>
    </message>
    <message>
        <source>Reverse portrait</source>
        <translation>បញ្ឈរបញ្ច្រាស</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>រឹម</translation>
    </message>
    <message>
        <source>top margin</source>
        <translation>រឹមខាងលើ</translation>
    </message>
    <message>
        <source>left margin</source>
        <translation>រឹមខាងឆ្វេង</translation>
    </message>
    <message>
        <source>right margin</source>
        <translation>រឹមខាងស្ដាំ</translation>
    </message>
    <message>
        <source>bottom margin</source>
        <translation>រឹមខាងក្រោម</translation>
    </message>
    <message>
        <source>Page Layout</source>
        <translation>ប្លង់ទំព័រ</translation>
    </message>
    <message>
        <source>Page &amp;order:</source>
        <translation>លំដាប់ទំព័រ (&amp;O)៖</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>ទំព័រក្នុងមួយសន្លឹក (&amp;P)៖</translation>
    </message>
    <message>
        <source>Millimeters (mm)</source>
        <translation>មីលីម៉ែត្រ (mm)</translation>
    </message>
    <message>
        <source>Inches (in)</source>
        <translation>អ៊ីញ (in)</translation>
    </message>
    <message>
        <source>Points (pt)</source>
        <translation>ពិន្ទុ (pt)</translation>
    </message>
    <message>
        <source>Pica (P̸)</source>
        <translation>ពីកា (P̸)</translation>
    </message>
    <message>
        <source>Didot (DD)</source>
        <translation>ឌីដូ (DD)</translation>
    </message>
    <message>
        <source>Cicero (CC)</source>
        <translation>ស៊ីសេរ៉ូ (CC)</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>យល់ព្រម</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>រក្សាទុក</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>រក្សាទុកទាំងអស់</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>បើក</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>បាទ/ចាស (&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>បាទ/ចាស សម្រាប់ទាំងអស់ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>ទេ (&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>ទេ សម្រាប់ទាំងអស់ (&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>បញ្ឈប់</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>ព្យាយាមម្ដងទៀត</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>មិនអើពើ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>បោះចោល</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ជំនួយ</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>អនុវត្ត</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>កំណត់ឡើងវិញ</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>ស្ដារការកំណត់លំនាំដើម</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>Print</source>
        <translation>បោះពុម្ព</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>បោះពុម្ព (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Options &gt;&gt;</source>
        <translation>ជម្រើស &gt;&gt; (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Options &lt;&lt;</source>
        <translation>ជម្រើស &lt;&lt; (&amp;O)</translation>
    </message>
    <message>
        <source>Print to File (PDF)</source>
        <translation>បោះពុម្ពទៅជាឯកសារ (PDF)</translation>
    </message>
    <message>
        <source>Print To File ...</source>
        <translation>បោះពុម្ពទៅជាឯកសារ ...</translation>
    </message>
    <message>
        <source>Local file</source>
        <translation>ឯកសារក្នុងកុំព្យូទ័រនេះ</translation>
    </message>
    <message>
        <source>Write PDF file</source>
        <translation>សរសេរជាឯកសារ PDF</translation>
    </message>
    <message>
        <source>All Pages</source>
        <translation>ទំព័រទាំងអស់</translation>
    </message>
    <message>
        <source>Odd Pages</source>
        <translation>ទំព័រសេស</translation>
    </message>
    <message>
        <source>Even Pages</source>
        <translation>ទំព័រគូ</translation>
    </message>
    <message>
        <source>Left to Right, Top to Bottom</source>
        <translation>ពីឆ្វេងទៅស្ដាំ ពីលើចុះក្រោម</translation>
    </message>
    <message>
        <source>Left to Right, Bottom to Top</source>
        <translation>ពីឆ្វេងទៅស្ដាំ ពីក្រោមឡើងលើ</translation>
    </message>
    <message>
        <source>Right to Left, Bottom to Top</source>
        <translation>ពីស្ដាំទៅឆ្វេង ពីក្រោមឡើងលើ</translation>
    </message>
    <message>
        <source>Right to Left, Top to Bottom</source>
        <translation>ពីស្ដាំទៅឆ្វេង ពីលើចុះក្រោម</translation>
    </message>
    <message>
        <source>Bottom to Top, Left to Right</source>
        <translation>ពីក្រោមឡើងលើ ពីឆ្វេងទៅស្ដាំ</translation>
    </message>
    <message>
        <source>Bottom to Top, Right to Left</source>
        <translation>ពីក្រោមឡើងលើ ពីស្ដាំទៅឆ្វេង</translation>
    </message>
    <message>
        <source>Top to Bottom, Left to Right</source>
        <translation>ពីលើចុះក្រោម ពីឆ្វេងទៅស្ដាំ</translation>
    </message>
    <message>
        <source>Top to Bottom, Right to Left</source>
        <translation>ពីលើចុះក្រោម ពីស្ដាំទៅឆ្វេង</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to overwrite it?</source>
        <translation>%1 មានរួចហើយ។
តើអ្នកចង់សរសេរជាន់លើវាឬទេ?</translation>
    </message>
    <message>
        <source>%1 is a directory.
Please choose a different file name.</source>
        <translation>%1 គឺជាថត។
សូមជ្រើសរើសឈ្មោះឯកសារផ្សេង។</translation>
    </message>
    <message>
        <source>File %1 is not writable.
Please choose a different file name.</source>
        <translation>មិនអាចសរសេរលើឯកសារ %1 បានទេ។
សូមជ្រើសរើសឈ្មោះឯកសារផ្សេង។</translation>
    </message>
    <message>
        <source>The &apos;From&apos; value cannot be greater than the &apos;To&apos; value.</source>
        <translation>តម្លៃ &apos;ពី&apos; មិនអាចធំជាងតម្លៃ &apos;ដល់&apos; បានទេ។</translation>
    </message>
    <message>
        <source>Invalid Pages Definition</source>
        <translation>ការកំណត់ទំព័រមិនត្រឹមត្រូវ</translation>
    </message>
    <message>
        <source>%1 does not follow the correct syntax. Please use &apos;,&apos; to separate ranges and pages, &apos;-&apos; to define ranges and make sure ranges do not intersect with each other.</source>
        <translation>%1 មិនត្រឹមត្រូវតាមទម្រង់ទេ។ សូមប្រើ &apos;,&apos; ដើម្បីបំបែកទំព័រ និងចន្លោះទំព័រ ប្រើ &apos;-&apos; ដើម្បីកំណត់ចន្លោះទំព័រ ហើយកុំឱ្យចន្លោះទំព័រជាន់គ្នា។</translation>
    </message>
    <message>
        <source>Duplex Settings Conflicts</source>
        <translation>ការកំណត់បោះពុម្ពពីរមុខមិនស៊ីគ្នា</translation>
    </message>
    <message>
        <source>There are conflicts in duplex settings. Do you want to fix them?</source>
        <translation>ការកំណត់បោះពុម្ពពីរមុខមិនស៊ីគ្នា។ តើអ្នកចង់កែវាឬទេ?</translation>
    </message>
    <message>
        <source>Options &apos;Pages Per Sheet&apos; and &apos;Page Set&apos; cannot be used together.
Please turn one of those options off.</source>
        <translation>មិនអាចប្រើជម្រើស &apos;ទំព័រក្នុងមួយសន្លឹក&apos; និង &apos;សំណុំទំព័រ&apos; ជាមួយគ្នាបានទេ។
សូមបិទជម្រើសមួយក្នុងចំណោមជម្រើសទាំងពីរនេះ។</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message>
        <source>Printer Properties</source>
        <translation>លក្ខណៈសម្បត្តិម៉ាស៊ីនបោះពុម្ព</translation>
    </message>
    <message>
        <source>Job Options</source>
        <translation>ជម្រើសការបោះពុម្ព</translation>
    </message>
    <message>
        <source>Page Setup Conflicts</source>
        <translation>ការកំណត់ទំព័រមិនស៊ីគ្នា</translation>
    </message>
    <message>
        <source>There are conflicts in page setup options. Do you want to fix them?</source>
        <translation>ការកំណត់ទំព័រមានចំណុចមិនស៊ីគ្នា។ តើអ្នកចង់កែវាឬទេ?</translation>
    </message>
    <message>
        <source>Advanced Option Conflicts</source>
        <translation>ជម្រើសកម្រិតខ្ពស់មិនស៊ីគ្នា</translation>
    </message>
    <message>
        <source>There are conflicts in some advanced options. Do you want to fix them?</source>
        <translation>ជម្រើសកម្រិតខ្ពស់មួយចំនួនមិនស៊ីគ្នា។ តើអ្នកចង់កែវាឬទេ?</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message>
        <source>Page</source>
        <translation>ទំព័រ</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>កម្រិតខ្ពស់</translation>
    </message>
    <message>
        <source>There are conflicts in some options. Please fix them.</source>
        <translation>ជម្រើសមួយចំនួនមិនស៊ីគ្នា។ សូមកែវា។</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Copies</source>
        <translation>ចំនួនច្បាប់</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>ចំនួនច្បាប់៖</translation>
    </message>
    <message>
        <source>Collate</source>
        <translation>តម្រៀបតាមច្បាប់</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>លំដាប់បញ្ច្រាស</translation>
    </message>
    <message>
        <source>Print range</source>
        <translation>ទំព័រដែលត្រូវបោះពុម្ព</translation>
    </message>
    <message>
        <source>Print all</source>
        <translation>បោះពុម្ពទាំងអស់</translation>
    </message>
    <message>
        <source>Pages from</source>
        <translation>ទំព័រពី</translation>
    </message>
    <message>
        <source>to</source>
        <translation>ដល់</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>ទំព័រ</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>បញ្ជាក់ទំព័រ ឬចន្លោះទំព័រ ដោយបំបែកដោយសញ្ញាក្បៀស។ ចន្លោះទំព័រសរសេរជាលេខពីរ បំបែកដោយសញ្ញា &apos;-&apos;។ ឧទាហរណ៍៖ 3,5-7,9 បោះពុម្ពទំព័រ 3, 5, 6, 7 និង 9។</translation>
    </message>
    <message>
        <source>Current Page</source>
        <translation>ទំព័របច្ចុប្បន្ន</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>ផ្នែកដែលបានជ្រើសរើស</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>សំណុំទំព័រ (&amp;S)៖</translation>
    </message>
    <message>
        <source>Output Settings</source>
        <translation>ការកំណត់លទ្ធផល</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>ជម្រើស</translation>
    </message>
    <message>
        <source>Color Mode</source>
        <translation>របៀបពណ៌</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>ពណ៌</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>ពណ៌ប្រផេះ</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translation>បោះពុម្ពពីរមុខ</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>ចងតាមជ្រុងវែង</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>ចងតាមជ្រុងខ្លី</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>Printer</source>
        <translation>ម៉ាស៊ីនបោះពុម្ព</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>ឈ្មោះ (&amp;N)៖</translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translation>លក្ខណៈសម្បត្តិ (&amp;R)</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>ទីតាំង៖</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>មើលជាមុន</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>ប្រភេទ៖</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translation>ឯកសារលទ្ធផល (&amp;F)៖</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Scroll here</source>
        <translation>រំកិលមកទីនេះ</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>គែមខាងឆ្វេង</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>ខាងលើបង្អស់</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>គែមខាងស្ដាំ</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>ខាងក្រោមបង្អស់</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation>មួយទំព័រទៅឆ្វេង</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>មួយទំព័រឡើងលើ</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation>មួយទំព័រទៅស្ដាំ</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>មួយទំព័រចុះក្រោម</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>រំកិលទៅឆ្វេង</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>រំកិលឡើងលើ</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>រំកិលទៅស្ដាំ</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>រំកិលចុះក្រោម</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>រំកិលទៅឆ្វេង</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>រំកិលទៅស្ដាំ</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>មិនធ្វើវិញ (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ធ្វើវិញ (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>កាត់ (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>ចម្លង (&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>ចម្លងអាសយដ្ឋានតំណ (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>បិទភ្ជាប់ (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>ជ្រើសរើសទាំងអស់</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Registration receipt</source>
        <extracomment>Width of the preview page on screen, in pixels (before the screen&apos;s scale factor).</extracomment>
        <translation>បង្កាន់ដៃចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>ក្រដាស៖</translation>
    </message>
    <message>
        <source>A4 sheet</source>
        <translation>ក្រដាស A4</translation>
    </message>
    <message>
        <source>80 mm receipt roll</source>
        <translation>ក្រដាសបង្កាន់ដៃរមូល ៨០ មម</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>ភាសា៖</translation>
    </message>
    <message>
        <source>Khmer</source>
        <translation>ខ្មែរ</translation>
    </message>
    <message>
        <source>English</source>
        <translation>អង់គ្លេស</translation>
    </message>
    <message>
        <source>Khmer and English</source>
        <translation>ខ្មែរ និងអង់គ្លេស</translation>
    </message>
    <message>
        <source>%1 — the owner&apos;s language</source>
        <translation>%1 — ភាសារបស់ម្ចាស់អាជីវកម្ម</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>បោះពុម្ព…</translation>
    </message>
    <message>
        <source>Print the receipt (Enter or Ctrl+P)</source>
        <translation>បោះពុម្ពបង្កាន់ដៃ (Enter ឬ Ctrl+P)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>រក្សាទុកជា PDF…</translation>
    </message>
    <message>
        <source>Save the receipt as a PDF file (Ctrl+Shift+S)</source>
        <translation>រក្សាទុកបង្កាន់ដៃជាឯកសារ PDF (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>This registration is not in this branch&apos;s store, so it has no receipt.</source>
        <translation>ការចុះឈ្មោះនេះមិនមាននៅក្នុងទិន្នន័យរបស់សាខានេះទេ ដូច្នេះវាគ្មានបង្កាន់ដៃទេ។</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. Save the receipt as a PDF instead, and print it later.</source>
        <translation>កុំព្យូទ័រនេះមិនទាន់មានម៉ាស៊ីនបោះពុម្ពទេ។ សូមរក្សាទុកបង្កាន់ដៃជា PDF ហើយបោះពុម្ពនៅពេលក្រោយ។</translation>
    </message>
    <message>
        <source>Printing was cancelled. The registration is saved; you can print its receipt at any time.</source>
        <translation>ការបោះពុម្ពត្រូវបានបោះបង់។ ការចុះឈ្មោះត្រូវបានរក្សាទុករួចហើយ អ្នកអាចបោះពុម្ពបង្កាន់ដៃរបស់វានៅពេលណាក៏បាន។</translation>
    </message>
    <message>
        <source>The receipt could not be printed. Check that the printer is on and has paper, then try again. The registration is saved.</source>
        <translation>មិនអាចបោះពុម្ពបង្កាន់ដៃបានទេ។ សូមពិនិត្យថាម៉ាស៊ីនបោះពុម្ពបានបើក និងមានក្រដាស រួចព្យាយាមម្ដងទៀត។ ការចុះឈ្មោះត្រូវបានរក្សាទុករួចហើយ។</translation>
    </message>
    <message>
        <source>The receipt was sent to the printer.</source>
        <translation>បង្កាន់ដៃត្រូវបានផ្ញើទៅម៉ាស៊ីនបោះពុម្ពហើយ។</translation>
    </message>
    <message>
        <source>The PDF could not be written there. Choose another folder.</source>
        <translation>មិនអាចរក្សាទុក PDF នៅទីនោះបានទេ។ សូមជ្រើសរើសថតផ្សេង។</translation>
    </message>
    <message>
        <source>The receipt was saved as %1.</source>
        <translation>បង្កាន់ដៃត្រូវបានរក្សាទុកជា %1។</translation>
    </message>
</context>
<context>
    <name>RecoverAccessPage</name>
    <message>
        <source>Use the recovery key</source>
        <translation>ប្រើសោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>Type the recovery key from the sheet kept in the branch safe, the manager account to recover, and a new password for it.</source>
        <translation>សូមវាយសោសង្គ្រោះពីសន្លឹកដែលរក្សាទុកក្នុងទូដែករបស់សាខា ឈ្មោះគណនីអ្នកគ្រប់គ្រងដែលត្រូវសង្គ្រោះ និងពាក្យសម្ងាត់ថ្មីសម្រាប់គណនីនោះ។</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>សោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>Manager&apos;s username</source>
        <translation>ឈ្មោះអ្នកប្រើរបស់អ្នកគ្រប់គ្រង</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>ពាក្យសម្ងាត់ថ្មី</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>ពាក្យសម្ងាត់ថ្មីម្ដងទៀត</translation>
    </message>
    <message>
        <source>Recover and sign in</source>
        <translation>សង្គ្រោះ ហើយចូល</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ត្រឡប់ក្រោយ</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>Recovery key</source>
        <translation>សោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>If every manager password is lost, only this key opens the branch&apos;s data. It is shown once. Print it or save it as a PDF, and keep it in the branch safe.</source>
        <translation>ប្រសិនបើពាក្យសម្ងាត់របស់អ្នកគ្រប់គ្រងទាំងអស់បាត់ មានតែសោនេះទេដែលអាចបើកទិន្នន័យរបស់សាខាបាន។ សោនេះបង្ហាញតែម្ដងប៉ុណ្ណោះ។ សូមបោះពុម្ព ឬរក្សាទុកជា PDF ហើយទុកវាក្នុងទូដែករបស់សាខា។</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>បោះពុម្ព…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>រក្សាទុកជា PDF…</translation>
    </message>
    <message>
        <source>I have printed or saved the recovery key and will keep it safe</source>
        <translation>ខ្ញុំបានបោះពុម្ព ឬរក្សាទុកសោសង្គ្រោះ ហើយនឹងទុកវាឱ្យមានសុវត្ថិភាព</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>បន្ត</translation>
    </message>
    <message>
        <source>The PDF could not be written there. Choose another folder.</source>
        <translation>មិនអាចរក្សាទុក PDF នៅទីនោះបានទេ។ សូមជ្រើសរើសថតផ្សេង។</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>CAM-IE Branch Client — recovery key</source>
        <translation>កម្មវិធីសាខា CAM-IE — សោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>This key opens the branch&apos;s encrypted data if every manager password is lost. Keep this sheet in the branch safe. Anyone holding it can read the branch&apos;s registrations.</source>
        <translation>សោនេះបើកទិន្នន័យដែលបានអ៊ិនគ្រីបរបស់សាខា ប្រសិនបើពាក្យសម្ងាត់របស់អ្នកគ្រប់គ្រងទាំងអស់បាត់។ សូមទុកសន្លឹកនេះក្នុងទូដែករបស់សាខា។ អ្នកណាដែលកាន់វា អាចអានការចុះឈ្មោះរបស់សាខាបាន។</translation>
    </message>
    <message>
        <source>To use it: on the sign-in screen choose “Forgot password? Use the recovery key”.</source>
        <translation>របៀបប្រើ៖ នៅលើអេក្រង់ចូល សូមជ្រើសរើស “ភ្លេចពាក្យសម្ងាត់? ប្រើសោសង្គ្រោះ”។</translation>
    </message>
</context>
<context>
    <name>Registrations</name>
    <message>
        <source>Reference</source>
        <translation>លេខយោង</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ម្ចាស់</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>អាជីវកម្ម</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>បានដាក់ស្នើ</translation>
    </message>
    <message>
        <source>Captured by</source>
        <translation>បញ្ចូលដោយ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <source>CAM-IE number</source>
        <translation>លេខ CAM-IE</translation>
    </message>
    <message>
        <source>A correction: it replaces the earlier version.</source>
        <translation>ការកែតម្រូវ៖ វាជំនួសកំណែមុន។</translation>
    </message>
    <message>
        <source>← Back to the list</source>
        <extracomment>label texts of the answers shown, in order (for tests and screenshots)</extracomment>
        <translation>← ត្រឡប់ទៅបញ្ជី</translation>
    </message>
    <message>
        <source>Print receipt…</source>
        <translation>បោះពុម្ពបង្កាន់ដៃ…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>កែតម្រូវ…</translation>
    </message>
    <message>
        <source>Make a new version of this registration with the answers put right.</source>
        <translation>បង្កើតកំណែថ្មីនៃការចុះឈ្មោះនេះ ដោយកែចម្លើយឱ្យត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>ស្ថានភាព៖ %1</translation>
    </message>
    <message>
        <source>CAM-IE number: %1</source>
        <translation>លេខ CAM-IE៖ %1</translation>
    </message>
    <message>
        <source>replaced by a later version</source>
        <translation>ត្រូវបានជំនួសដោយកំណែក្រោយ</translation>
    </message>
    <message>
        <source>The centre says: %1</source>
        <translation>មជ្ឈមណ្ឌលប្រាប់ថា៖ %1</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>ចម្លើយ</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>ការចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>Form version</source>
        <translation>កំណែទម្រង់</translation>
    </message>
    <message>
        <source>Receipt printed</source>
        <translation>បានបោះពុម្ពបង្កាន់ដៃ</translation>
    </message>
    <message>
        <source>Manager&apos;s note</source>
        <translation>កំណត់សម្គាល់របស់អ្នកគ្រប់គ្រង</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>បានដកចេញ</translation>
    </message>
    <message>
        <source>Reason for withdrawal</source>
        <translation>មូលហេតុនៃការដកចេញ</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>កំណែ</translation>
    </message>
    <message>
        <source>this one</source>
        <translation>កំណែនេះ</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>កំណែទី %1</translation>
    </message>
    <message>
        <source>Sync history</source>
        <translation>ប្រវត្តិធ្វើសមកាលកម្ម</translation>
    </message>
    <message>
        <source>Sent to the centre</source>
        <translation>បានផ្ញើទៅមជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>The centre accepted it</source>
        <translation>មជ្ឈមណ្ឌលបានទទួលយក</translation>
    </message>
    <message>
        <source>The centre holds it as a probable duplicate</source>
        <translation>មជ្ឈមណ្ឌលរក្សាវាទុក ដោយសារប្រហែលជាស្ទួន</translation>
    </message>
    <message>
        <source>The centre rejected it</source>
        <translation>មជ្ឈមណ្ឌលបានបដិសេធ</translation>
    </message>
    <message>
        <source>The centre asked for a correction</source>
        <translation>មជ្ឈមណ្ឌលបានស្នើឱ្យកែតម្រូវ</translation>
    </message>
    <message>
        <source>The centre refused the batch; it is sent again</source>
        <translation>មជ្ឈមណ្ឌលបានបដិសេធបាច់នេះ ដូច្នេះវាត្រូវបានផ្ញើម្ដងទៀត</translation>
    </message>
    <message>
        <source>A centre operator approved it</source>
        <translation>ប្រតិបត្តិករមជ្ឈមណ្ឌលបានអនុម័ត</translation>
    </message>
    <message>
        <source>A centre operator rejected it</source>
        <translation>ប្រតិបត្តិករមជ្ឈមណ្ឌលបានបដិសេធ</translation>
    </message>
    <message>
        <source>A centre operator asked for a correction</source>
        <translation>ប្រតិបត្តិករមជ្ឈមណ្ឌលបានស្នើឱ្យកែតម្រូវ</translation>
    </message>
    <message>
        <source>some answers are not valid</source>
        <translation>ចម្លើយខ្លះមិនត្រឹមត្រូវ</translation>
    </message>
    <message>
        <source>the centre does not know this form</source>
        <translation>មជ្ឈមណ្ឌលមិនស្គាល់ទម្រង់នេះ</translation>
    </message>
    <message>
        <source>it looks like a business already registered</source>
        <translation>វាមើលទៅដូចជាអាជីវកម្មដែលបានចុះឈ្មោះរួចហើយ</translation>
    </message>
    <message>
        <source>the centre had already accepted it</source>
        <translation>មជ្ឈមណ្ឌលបានទទួលយកវារួចហើយ</translation>
    </message>
    <message>
        <source>Waiting for a manager&apos;s review before it is sent</source>
        <translation>រង់ចាំអ្នកគ្រប់គ្រងពិនិត្យ មុនពេលផ្ញើ</translation>
    </message>
    <message>
        <source>Returned to the teller by a manager</source>
        <translation>អ្នកគ្រប់គ្រងបានប្រគល់ត្រឡប់ទៅបេឡាករ</translation>
    </message>
    <message>
        <source>Waiting to be sent at the next sync</source>
        <translation>រង់ចាំផ្ញើនៅពេលធ្វើសមកាលកម្មលើកក្រោយ</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>កំណែទី %1</translation>
    </message>
    <message>
        <source>Women-owned</source>
        <translation>មានម្ចាស់ជាស្ត្រី</translation>
    </message>
    <message>
        <source>Men-owned</source>
        <translation>មានម្ចាស់ជាបុរស</translation>
    </message>
    <message>
        <source>Sex not recorded</source>
        <translation>មិនបានកត់ត្រាភេទ</translation>
    </message>
    <message>
        <source>submitted on %1</source>
        <extracomment>Rows measured for column widths: the first page, not every row scrolled through. Room around a cell&apos;s text (the style&apos;s margins and the grid line) and a heading&apos;s.</extracomment>
        <translation>បានដាក់ស្នើនៅ %1</translation>
    </message>
    <message>
        <source>submitted from %1 to %2</source>
        <translation>បានដាក់ស្នើពី %1 ដល់ %2</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>របស់ខ្ញុំ</translation>
    </message>
    <message>
        <source>Showing only: %1</source>
        <translation>បង្ហាញតែ៖ %1</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>បង្ហាញទាំងអស់</translation>
    </message>
    <message>
        <source>That registration is not in this branch&apos;s store.</source>
        <translation>ការចុះឈ្មោះនោះមិនមាននៅក្នុងទិន្នន័យរបស់សាខានេះទេ។</translation>
    </message>
    <message>
        <source>No registration matches “%1”.</source>
        <translation>គ្មានការចុះឈ្មោះណាត្រូវនឹង “%1” ទេ។</translation>
    </message>
    <message>
        <source>No registration is in the state “%1”.</source>
        <translation>គ្មានការចុះឈ្មោះណាមានស្ថានភាព “%1” ទេ។</translation>
    </message>
    <message>
        <source>No registrations yet. Those submitted from New registration appear here.</source>
        <translation>មិនទាន់មានការចុះឈ្មោះនៅឡើយទេ។ ការចុះឈ្មោះដែលបានដាក់ស្នើពីទំព័រ “ចុះឈ្មោះថ្មី” នឹងបង្ហាញនៅទីនេះ។</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>គ្រប់ស្ថានភាព</translation>
    </message>
    <message>
        <source>Search by reference, ID number, phone or name (Khmer or Latin)</source>
        <translation>ស្វែងរកតាមលេខយោង លេខអត្តសញ្ញាណប័ណ្ណ លេខទូរស័ព្ទ ឬឈ្មោះ (អក្សរខ្មែរ ឬឡាតាំង)</translation>
    </message>
    <message>
        <source>Show earlier versions</source>
        <translation>បង្ហាញកំណែមុនៗ</translation>
    </message>
</context>
<context>
    <name>RejectionsPage</name>
    <message>
        <source>Write a reason of at most %1 characters.</source>
        <translation>សូមសរសេរមូលហេតុ យ៉ាងច្រើន %1 តួអក្សរ។</translation>
    </message>
    <message>
        <source>Nothing was changed: a registration is no longer waiting for review (it was dealt with meanwhile). The list is up to date now.</source>
        <translation>គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ៖ ការចុះឈ្មោះមួយលែងរង់ចាំការពិនិត្យទៀតហើយ (វាត្រូវបានដោះស្រាយរួចក្នុងពេលនេះ)។ ឥឡូវនេះ បញ្ជីត្រូវបានធ្វើបច្ចុប្បន្នភាពហើយ។</translation>
    </message>
    <message>
        <source>Nothing was changed: this record cannot be withdrawn any more (it was corrected, withdrawn or sent meanwhile). The list is up to date now.</source>
        <translation>គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ៖ កំណត់ត្រានេះមិនអាចដកចេញបានទៀតទេ (វាត្រូវបានកែតម្រូវ ដកចេញ ឬផ្ញើរួចក្នុងពេលនេះ)។ ឥឡូវនេះ បញ្ជីត្រូវបានធ្វើបច្ចុប្បន្នភាពហើយ។</translation>
    </message>
    <message>
        <source>Sent back by the centre (%1)</source>
        <translation>មជ្ឈមណ្ឌលបានបញ្ជូនត្រឡប់ (%1)</translation>
    </message>
    <message>
        <source>Waiting for your review (%1)</source>
        <translation>រង់ចាំការពិនិត្យរបស់អ្នក (%1)</translation>
    </message>
    <message>
        <source>Returned to tellers (%1)</source>
        <translation>បានប្រគល់ត្រឡប់ទៅបេឡាករ (%1)</translation>
    </message>
    <message>
        <source>Review before sync is off, so new registrations go straight to the centre. Those listed here (%1) were submitted while it was on: they are sent only once you approve them.</source>
        <translation>ការពិនិត្យមុនធ្វើសមកាលកម្មត្រូវបានបិទ ដូច្នេះការចុះឈ្មោះថ្មីៗត្រូវបានផ្ញើទៅមជ្ឈមណ្ឌលដោយផ្ទាល់។ ការចុះឈ្មោះក្នុងបញ្ជីនេះ (%1) ត្រូវបានដាក់ស្នើនៅពេលមុខងារនេះនៅបើក៖ វានឹងត្រូវបានផ្ញើ លុះត្រាតែអ្នកអនុម័តវា។</translation>
    </message>
    <message>
        <source>Approve registrations</source>
        <translation>អនុម័តការចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>Approve the %1 selected registrations? They will be sent to the centre at the next sync.</source>
        <translation>អនុម័តការចុះឈ្មោះទាំង %1 ដែលបានជ្រើសរើសឬ? វានឹងត្រូវបានផ្ញើទៅមជ្ឈមណ្ឌលនៅពេលធ្វើសមកាលកម្មលើកក្រោយ។</translation>
    </message>
    <message>
        <source>Approve every registration submitted on %2 (%1 in all)? They will be sent to the centre at the next sync.</source>
        <translation>អនុម័តរាល់ការចុះឈ្មោះដែលបានដាក់ស្នើនៅ %2 (សរុប %1) ឬ? វានឹងត្រូវបានផ្ញើទៅមជ្ឈមណ្ឌលនៅពេលធ្វើសមកាលកម្មលើកក្រោយ។</translation>
    </message>
    <message>
        <source>Registrations approved: %1. They will be sent to the centre at the next sync.</source>
        <translation>ការចុះឈ្មោះដែលបានអនុម័ត៖ %1។ វានឹងត្រូវបានផ្ញើទៅមជ្ឈមណ្ឌលនៅពេលធ្វើសមកាលកម្មលើកក្រោយ។</translation>
    </message>
    <message>
        <source>Why does %1 go back to %2? The teller reads this, corrects the registration and submits it again.</source>
        <translation>ហេតុអ្វីបានជា %1 ត្រូវប្រគល់ត្រឡប់ទៅ %2? បេឡាករនឹងអានមូលហេតុនេះ កែតម្រូវការចុះឈ្មោះ ហើយដាក់ស្នើវាម្ដងទៀត។</translation>
    </message>
    <message>
        <source>Why do these %1 registrations go back to their tellers? Each teller reads this, corrects the registration and submits it again.</source>
        <translation>ហេតុអ្វីបានជាការចុះឈ្មោះទាំង %1 នេះត្រូវប្រគល់ត្រឡប់ទៅបេឡាកររបស់វា? បេឡាករម្នាក់ៗនឹងអានមូលហេតុនេះ កែតម្រូវការចុះឈ្មោះ ហើយដាក់ស្នើវាម្ដងទៀត។</translation>
    </message>
    <message>
        <source>Return to the teller</source>
        <translation>ប្រគល់ត្រឡប់ទៅបេឡាករ</translation>
    </message>
    <message>
        <source>Registrations returned: %1.</source>
        <translation>ការចុះឈ្មោះដែលបានប្រគល់ត្រឡប់៖ %1។</translation>
    </message>
    <message>
        <source>Withdraw %1 — %2? It will not be sent to the centre again and cannot be corrected afterwards. Say why; the reason is kept with the record.</source>
        <translation>ដក %1 — %2 ចេញឬ? វានឹងមិនត្រូវបានផ្ញើទៅមជ្ឈមណ្ឌលម្ដងទៀតទេ ហើយមិនអាចកែតម្រូវបាននៅពេលក្រោយទេ។ សូមប្រាប់មូលហេតុ៖ មូលហេតុនឹងត្រូវរក្សាទុកជាមួយកំណត់ត្រា។</translation>
    </message>
    <message>
        <source>Withdraw a record</source>
        <translation>ដកកំណត់ត្រាចេញ</translation>
    </message>
    <message>
        <source>%1 withdrawn.</source>
        <translation>បានដក %1 ចេញហើយ។</translation>
    </message>
    <message>
        <source>Review before sync is on. New registrations wait here for your approval.</source>
        <translation>ការពិនិត្យមុនធ្វើសមកាលកម្មត្រូវបានបើក។ ការចុះឈ្មោះថ្មីៗនឹងរង់ចាំការអនុម័តរបស់អ្នកនៅទីនេះ។</translation>
    </message>
    <message>
        <source>Review before sync is off. The waiting registrations (%1) were approved and will be sent at the next sync.</source>
        <translation>ការពិនិត្យមុនធ្វើសមកាលកម្មត្រូវបានបិទ។ ការចុះឈ្មោះដែលកំពុងរង់ចាំ (%1) ត្រូវបានអនុម័ត ហើយនឹងត្រូវបានផ្ញើនៅពេលធ្វើសមកាលកម្មលើកក្រោយ។</translation>
    </message>
    <message>
        <source>Review before sync is off. Registrations already waiting (%1) stay here until you approve or return them.</source>
        <translation>ការពិនិត្យមុនធ្វើសមកាលកម្មត្រូវបានបិទ។ ការចុះឈ្មោះដែលកំពុងរង់ចាំរួចហើយ (%1) នៅទីនេះ រហូតដល់អ្នកអនុម័ត ឬប្រគល់វាត្រឡប់។</translation>
    </message>
    <message>
        <source>Review before sync is off. New registrations go straight to the centre.</source>
        <translation>ការពិនិត្យមុនធ្វើសមកាលកម្មត្រូវបានបិទ។ ការចុះឈ្មោះថ្មីៗត្រូវបានផ្ញើទៅមជ្ឈមណ្ឌលដោយផ្ទាល់។</translation>
    </message>
    <message>
        <source>Rejections and review</source>
        <translation>ការបដិសេធ និងការពិនិត្យ</translation>
    </message>
    <message>
        <source>Records the centre sent back, and registrations waiting for a manager before they are sent. Nothing listed here is lost: each record stays until it is corrected, approved or withdrawn.</source>
        <translation>កំណត់ត្រាដែលមជ្ឈមណ្ឌលបានបញ្ជូនត្រឡប់មកវិញ និងការចុះឈ្មោះដែលរង់ចាំអ្នកគ្រប់គ្រងមុនពេលផ្ញើ។ គ្មានអ្វីក្នុងបញ្ជីនេះបាត់បង់ទេ៖ កំណត់ត្រានីមួយៗនៅទីនេះ រហូតដល់វាត្រូវបានកែតម្រូវ អនុម័ត ឬដកចេញ។</translation>
    </message>
    <message>
        <source>The centre refused these records or asks for a correction. Correct one to send a new version of it, or withdraw it if it should not be sent again.</source>
        <translation>មជ្ឈមណ្ឌលបានបដិសេធកំណត់ត្រាទាំងនេះ ឬស្នើឱ្យកែតម្រូវ។ សូមកែតម្រូវកំណត់ត្រា ដើម្បីផ្ញើកំណែថ្មីរបស់វា ឬដកវាចេញ ប្រសិនបើមិនគួរផ្ញើវាម្ដងទៀត។</translation>
    </message>
    <message>
        <source>Sent back to me</source>
        <translation>ផ្ញើត្រឡប់មកខ្ញុំវិញ</translation>
    </message>
    <message>
        <source>Your registrations that need a correction: those the centre sent back and those a manager returned to you. Select one to read why, then correct it. Nothing listed here is lost.</source>
        <translation>ការចុះឈ្មោះរបស់អ្នកដែលត្រូវកែតម្រូវ៖ ការចុះឈ្មោះដែលមជ្ឈមណ្ឌលបានបញ្ជូនត្រឡប់មកវិញ និងការចុះឈ្មោះដែលអ្នកគ្រប់គ្រងបានប្រគល់ត្រឡប់មកអ្នកវិញ។ សូមជ្រើសរើសមួយ ដើម្បីអានមូលហេតុ រួចកែតម្រូវវា។ គ្មានអ្វីដែលមាននៅទីនេះត្រូវបាត់បង់ទេ។</translation>
    </message>
    <message>
        <source>The centre refused these records of yours or asks for a correction. Correct one to send a new version of it. If one should not be sent again, ask your manager to withdraw it.</source>
        <translation>មជ្ឈមណ្ឌលបានបដិសេធកំណត់ត្រារបស់អ្នកទាំងនេះ ឬស្នើឱ្យកែតម្រូវ។ សូមកែតម្រូវកំណត់ត្រា ដើម្បីផ្ញើកំណែថ្មីរបស់វា។ ប្រសិនបើកំណត់ត្រាណាមួយមិនគួរផ្ញើម្ដងទៀតទេ សូមស្នើអ្នកគ្រប់គ្រងរបស់អ្នកឱ្យដកវាចេញ។</translation>
    </message>
    <message>
        <source>The centre has not sent back any record of yours.</source>
        <translation>មជ្ឈមណ្ឌលមិនទាន់បានបញ្ជូនកំណត់ត្រារបស់អ្នកណាមួយត្រឡប់មកវិញទេ។</translation>
    </message>
    <message>
        <source>A manager returned these to you before they were sent. Read the reason, then correct each one: the new version waits for the manager&apos;s review again.</source>
        <translation>អ្នកគ្រប់គ្រងបានប្រគល់ការចុះឈ្មោះទាំងនេះត្រឡប់មកអ្នកវិញ មុនពេលវាត្រូវបានផ្ញើ។ សូមអានមូលហេតុ រួចកែតម្រូវនីមួយៗ៖ កំណែថ្មីនឹងរង់ចាំការពិនិត្យរបស់អ្នកគ្រប់គ្រងម្ដងទៀត។</translation>
    </message>
    <message>
        <source>No registration has been returned to you.</source>
        <translation>គ្មានការចុះឈ្មោះណាត្រូវបានប្រគល់ត្រឡប់មកអ្នកវិញទេ។</translation>
    </message>
    <message>
        <source>Show withdrawn records</source>
        <translation>បង្ហាញកំណត់ត្រាដែលបានដកចេញ</translation>
    </message>
    <message>
        <source>The centre has not sent back any record.</source>
        <translation>មជ្ឈមណ្ឌលមិនទាន់បានបញ្ជូនកំណត់ត្រាណាមួយត្រឡប់មកវិញទេ។</translation>
    </message>
    <message>
        <source>No registration is waiting for your review.</source>
        <translation>គ្មានការចុះឈ្មោះណាកំពុងរង់ចាំការពិនិត្យរបស់អ្នកទេ។</translation>
    </message>
    <message>
        <source>You sent these back to the teller who captured them. The teller corrects each like a record the centre sent back: the new version waits for your review again.</source>
        <translation>អ្នកបានប្រគល់ការចុះឈ្មោះទាំងនេះត្រឡប់ទៅបេឡាករដែលបានបញ្ចូលវា។ បេឡាករកែតម្រូវនីមួយៗ ដូចកំណត់ត្រាដែលមជ្ឈមណ្ឌលបានបញ្ជូនត្រឡប់៖ កំណែថ្មីនឹងរង់ចាំការពិនិត្យរបស់អ្នកម្ដងទៀត។</translation>
    </message>
    <message>
        <source>Returned to me (%1)</source>
        <translation>ប្រគល់ត្រឡប់មកខ្ញុំវិញ (%1)</translation>
    </message>
    <message>
        <source>No registration is back with a teller.</source>
        <translation>គ្មានការចុះឈ្មោះណាត្រូវបានប្រគល់ត្រឡប់ទៅបេឡាករទេ។</translation>
    </message>
    <message>
        <source>Review before sync</source>
        <translation>ពិនិត្យមុនធ្វើសមកាលកម្ម</translation>
    </message>
    <message>
        <source>Review registrations before they are sent to the centre</source>
        <translation>ពិនិត្យការចុះឈ្មោះ មុនពេលផ្ញើទៅមជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>When this is on, each registration a teller submits waits on this tab until a manager approves it; only then is it sent. Registrations already waiting to be sent are not affected. It is off unless a manager turns it on.</source>
        <translation>នៅពេលបើកមុខងារនេះ ការចុះឈ្មោះនីមួយៗដែលបេឡាករដាក់ស្នើ នឹងរង់ចាំនៅលើផ្ទាំងនេះ រហូតដល់អ្នកគ្រប់គ្រងអនុម័តវា ទើបវាត្រូវបានផ្ញើ។ ការចុះឈ្មោះដែលកំពុងរង់ចាំផ្ញើរួចហើយ មិនរងផលប៉ះពាល់ទេ។ មុខងារនេះបិទ លុះត្រាតែអ្នកគ្រប់គ្រងបើកវា។</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>បើក</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>កែតម្រូវ…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>ដកចេញ…</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>អនុម័ត</translation>
    </message>
    <message>
        <source>Return to the teller…</source>
        <translation>ប្រគល់ត្រឡប់ទៅបេឡាករ…</translation>
    </message>
    <message>
        <source>Approve the whole day…</source>
        <translation>អនុម័តពេញមួយថ្ងៃ…</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>ថ្ងៃ៖</translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation>បានបញ្ជូន %1</translation>
    </message>
    <message>
        <source>Submitted %1 by %2</source>
        <translation>បានបញ្ជូន %1 ដោយ %2</translation>
    </message>
    <message>
        <source>Select a record to read the centre&apos;s reason.</source>
        <translation>ជ្រើសកំណត់ត្រាមួយ ដើម្បីអានមូលហេតុរបស់មជ្ឈមណ្ឌល។</translation>
    </message>
    <message>
        <source>Rejected by the centre on %1</source>
        <translation>មជ្ឈមណ្ឌលបានបដិសេធ នៅ %1</translation>
    </message>
    <message>
        <source>Sent back by the centre for correction on %1</source>
        <translation>មជ្ឈមណ្ឌលបានបញ្ជូនត្រឡប់មកវិញដើម្បីកែតម្រូវ នៅ %1</translation>
    </message>
    <message>
        <source>Withdrawn on %1: %2</source>
        <translation>បានដកចេញ នៅ %1៖ %2</translation>
    </message>
    <message>
        <source>Registrations selected: %1.</source>
        <translation>ការចុះឈ្មោះដែលបានជ្រើស៖ %1។</translation>
    </message>
    <message>
        <source>Select a registration to approve it (it is sent at the next sync) or to return it to the teller with the reason. Ctrl or Shift selects several; a whole day is approved with the button on the right.</source>
        <translation>ជ្រើសការចុះឈ្មោះមួយ ដើម្បីអនុម័តវា (វានឹងត្រូវផ្ញើនៅពេលធ្វើសមកាលកម្មលើកក្រោយ) ឬដើម្បីប្រគល់វាត្រឡប់ទៅបេឡាករវិញ ជាមួយមូលហេតុ។ ចុច Ctrl ឬ Shift ដើម្បីជ្រើសច្រើន។ ប៊ូតុងនៅខាងស្ដាំ អនុម័តពេញមួយថ្ងៃ។</translation>
    </message>
    <message>
        <source>The teller&apos;s reason: %1</source>
        <translation>មូលហេតុរបស់បេឡាករ៖ %1</translation>
    </message>
    <message>
        <source>Select a registration to read why it was returned.</source>
        <translation>ជ្រើសការចុះឈ្មោះមួយ ដើម្បីអានមូលហេតុដែលវាត្រូវបានប្រគល់ត្រឡប់។</translation>
    </message>
    <message>
        <source>Returned to you by a manager: %1</source>
        <translation>អ្នកគ្រប់គ្រងបានប្រគល់ត្រឡប់មកអ្នកវិញ៖ %1</translation>
    </message>
    <message>
        <source>Returned to the teller: %1</source>
        <translation>បានប្រគល់ត្រឡប់ទៅបេឡាករ៖ %1</translation>
    </message>
</context>
<context>
    <name>ReviewDialogs</name>
    <message>
        <source>Reason (required)</source>
        <translation>មូលហេតុ (ត្រូវតែបំពេញ)</translation>
    </message>
    <message>
        <source>A reason has at most %1 characters.</source>
        <translation>មូលហេតុមានយ៉ាងច្រើន %1 តួអក្សរ។</translation>
    </message>
    <message>
        <source>Turn off review before sync</source>
        <translation>បិទការពិនិត្យមុនធ្វើសមកាលកម្ម</translation>
    </message>
    <message>
        <source>Registrations still waiting for your review: %1. Turning review off does not send them: approve them all now, or leave them waiting here until you approve or return each one.</source>
        <translation>ការចុះឈ្មោះដែលនៅរង់ចាំការពិនិត្យរបស់អ្នក៖ %1។ ការបិទការពិនិត្យមិនផ្ញើវាទេ៖ សូមអនុម័តវាទាំងអស់ឥឡូវនេះ ឬទុកវាឱ្យរង់ចាំនៅទីនេះ រហូតដល់អ្នកអនុម័ត ឬប្រគល់ត្រឡប់នីមួយៗ។</translation>
    </message>
    <message>
        <source>Approve all %1 and turn off</source>
        <translation>អនុម័តទាំង %1 ហើយបិទ</translation>
    </message>
    <message>
        <source>Turn off, leave them waiting</source>
        <translation>បិទ ហើយទុកវាឱ្យរង់ចាំ</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Withdrawn</source>
        <translation>បានដកចេញ</translation>
    </message>
    <message>
        <source>Correction %1 waiting for a manager&apos;s review</source>
        <translation>ការកែតម្រូវ %1 កំពុងរង់ចាំការពិនិត្យរបស់អ្នកគ្រប់គ្រង</translation>
    </message>
    <message>
        <source>Correction %1 waiting for your review</source>
        <translation>ការកែតម្រូវ %1 កំពុងរង់ចាំការពិនិត្យរបស់អ្នក</translation>
    </message>
    <message>
        <source>Correction %1 returned to you</source>
        <translation>ការកែតម្រូវ %1 ត្រូវបានប្រគល់ត្រឡប់មកអ្នកវិញ</translation>
    </message>
    <message>
        <source>Correction %1 returned to the teller</source>
        <translation>ការកែតម្រូវ %1 ត្រូវបានប្រគល់ត្រឡប់ទៅបេឡាករ</translation>
    </message>
    <message>
        <source>Correction %1 sent</source>
        <translation>បានផ្ញើការកែតម្រូវ %1</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>ត្រូវបានបដិសេធ</translation>
    </message>
    <message>
        <source>Sent back for correction</source>
        <translation>បញ្ជូនត្រឡប់ដើម្បីកែតម្រូវ</translation>
    </message>
    <message>
        <source>Correction of %1</source>
        <translation>ការកែតម្រូវនៃ %1</translation>
    </message>
    <message>
        <source>Submitted despite a possible duplicate</source>
        <translation>បានដាក់ស្នើ ទោះបីជាប្រហែលជាស្ទួនក៏ដោយ</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>លេខយោង</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ម្ចាស់</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>បានដាក់ស្នើ</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>បេឡាករ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <source>Centre&apos;s reason</source>
        <translation>មូលហេតុរបស់មជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>កំណត់សម្គាល់</translation>
    </message>
    <message>
        <source>Reason for return</source>
        <translation>មូលហេតុនៃការប្រគល់ត្រឡប់</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Set up this branch</source>
        <translation>រៀបចំសាខានេះ</translation>
    </message>
    <message>
        <source>This creates the branch&apos;s encrypted data store on this computer and the first manager account. You will then see a recovery key: print it or save it and keep it in the branch safe.</source>
        <translation>ការនេះបង្កើតកន្លែងផ្ទុកទិន្នន័យដែលបានអ៊ិនគ្រីបរបស់សាខានៅលើកុំព្យូទ័រនេះ និងគណនីអ្នកគ្រប់គ្រងដំបូង។ បន្ទាប់មក អ្នកនឹងឃើញសោសង្គ្រោះ៖ សូមបោះពុម្ព ឬរក្សាទុកវា ហើយទុកក្នុងទូដែករបស់សាខា។</translation>
    </message>
    <message>
        <source>Branch code</source>
        <translation>លេខកូដសាខា</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>ឈ្មោះសាខា</translation>
    </message>
    <message>
        <source>Manager&apos;s username</source>
        <translation>ឈ្មោះអ្នកប្រើរបស់អ្នកគ្រប់គ្រង</translation>
    </message>
    <message>
        <source>Password (at least 8 characters)</source>
        <translation>ពាក្យសម្ងាត់ (យ៉ាងតិច ៨ តួអក្សរ)</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>ពាក្យសម្ងាត់ម្ដងទៀត</translation>
    </message>
    <message>
        <source>CAM-IE centre address (optional)</source>
        <translation>អាសយដ្ឋានមជ្ឈមណ្ឌល CAM-IE (ស្រេចចិត្ត)</translation>
    </message>
    <message>
        <source>Enrolment code (optional)</source>
        <translation>លេខកូដចុះឈ្មោះ (ស្រេចចិត្ត)</translation>
    </message>
    <message>
        <source>e.g. PNH-01</source>
        <translation>ឧ. PNH-01</translation>
    </message>
    <message>
        <source>Create branch</source>
        <translation>បង្កើតសាខា</translation>
    </message>
    <message>
        <source>To connect to the centre now, enter both its address and the enrolment code.</source>
        <translation>ដើម្បីភ្ជាប់ទៅមជ្ឈមណ្ឌលឥឡូវនេះ សូមបញ្ចូលទាំងអាសយដ្ឋាន និងលេខកូដចុះឈ្មោះ។</translation>
    </message>
</context>
<context>
    <name>ShellWindow</name>
    <message>
        <source>CAM-IE Branch Client</source>
        <translation>កម្មវិធីសាខា CAM-IE</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>វគ្គប្រើប្រាស់ (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>ចាក់សោឥឡូវ (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>ប្ដូរពាក្យសម្ងាត់របស់ខ្ញុំ… (&amp;C)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>ចាកចេញ (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>បិទកម្មវិធី (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ភាសា (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ជំនួយ (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>មគ្គុទ្ទេសក៍ (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>អំពី (&amp;A)</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>អ្នកគ្រប់គ្រង</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>បេឡាករ</translation>
    </message>
    <message>
        <source>%1 · signed in as %2 (%3)</source>
        <translation>%1 · បានចូលជា %2 (%3)</translation>
    </message>
    <message>
        <source>About</source>
        <translation>អំពី</translation>
    </message>
    <message>
        <source>The registration desk of CAM-IE, the national informal-economy platform, for partner bank branches.</source>
        <translation>កន្លែងចុះឈ្មោះរបស់ CAM-IE ដែលជាវេទិកាជាតិសម្រាប់សេដ្ឋកិច្ចក្រៅប្រព័ន្ធ សម្រាប់សាខាធនាគារដៃគូ។</translation>
    </message>
    <message>
        <source>Khmer font: Noto Sans Khmer, SIL Open Font License 1.1.</source>
        <translation>ពុម្ពអក្សរខ្មែរ៖ Noto Sans Khmer អាជ្ញាប័ណ្ណ SIL Open Font License 1.1។</translation>
    </message>
</context>
<context>
    <name>StartView</name>
    <message>
        <source>New registration</source>
        <translation>ចុះឈ្មោះថ្មី</translation>
    </message>
    <message>
        <source>Register a business with its owner present. Every change is saved as a draft as you type; an unfinished registration waits here.</source>
        <translation>ចុះឈ្មោះអាជីវកម្មដោយមានម្ចាស់នៅទីនេះ។ រាល់ការផ្លាស់ប្តូរត្រូវបានរក្សាទុកជាសេចក្តីព្រាងពេលអ្នកវាយ ការចុះឈ្មោះដែលមិនទាន់ចប់រង់ចាំនៅទីនេះ។</translation>
    </message>
    <message>
        <source>Start a new registration</source>
        <translation>ចាប់ផ្តើមចុះឈ្មោះថ្មី</translation>
    </message>
    <message>
        <source>Your drafts</source>
        <translation>សេចក្តីព្រាងរបស់អ្នក</translation>
    </message>
    <message>
        <source>No drafts: every registration you started has been submitted or discarded.</source>
        <translation>គ្មានសេចក្តីព្រាងទេ៖ រាល់ការចុះឈ្មោះដែលអ្នកបានចាប់ផ្តើម ត្រូវបានបញ្ជូន ឬបោះបង់រួចហើយ។</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>បន្ត</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>បោះបង់…</translation>
    </message>
</context>
<context>
    <name>StartupErrorPage</name>
    <message>
        <source>The Branch Client cannot start</source>
        <extracomment>The window opens maximised when the screen&apos;s free area is no larger than this in either direction: the laptops and monitors of branch counters. The window&apos;s size on a larger screen (and when a maximised window is restored down).</extracomment>
        <translation>កម្មវិធីសាខាមិនអាចចាប់ផ្ដើមបានទេ</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>បិទកម្មវិធី</translation>
    </message>
</context>
<context>
    <name>SubmittedView</name>
    <message>
        <source>Registration submitted</source>
        <translation>បានដាក់ស្នើការចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>Reference number</source>
        <translation>លេខយោង</translation>
    </message>
    <message>
        <source>It waits for a manager&apos;s review, then goes to CAM-IE with the next sync. Give the owner the receipt.</source>
        <translation>វារង់ចាំអ្នកគ្រប់គ្រងពិនិត្យ បន្ទាប់មកទៅ CAM-IE នៅពេលធ្វើសមកាលកម្មលើកក្រោយ។ សូមឱ្យបង្កាន់ដៃដល់ម្ចាស់អាជីវកម្ម។</translation>
    </message>
    <message>
        <source>It goes to CAM-IE with the next sync, even if this computer is offline now. Give the owner the receipt.</source>
        <translation>វានឹងទៅ CAM-IE នៅពេលធ្វើសមកាលកម្មលើកក្រោយ ទោះបីកុំព្យូទ័រនេះគ្មានអ៊ីនធឺណិតឥឡូវក៏ដោយ។ សូមឱ្យបង្កាន់ដៃដល់ម្ចាស់អាជីវកម្ម។</translation>
    </message>
    <message>
        <source>Print receipt…</source>
        <translation>បោះពុម្ពបង្កាន់ដៃ…</translation>
    </message>
    <message>
        <source>New registration</source>
        <translation>ចុះឈ្មោះថ្មី</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source> (+%1)</source>
        <translation> (+%1)</translation>
    </message>
    <message>
        <source>Not connected to the centre</source>
        <translation>មិនទាន់ភ្ជាប់ទៅមជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>កំពុងធ្វើសមកាលកម្ម…</translation>
    </message>
    <message>
        <source>Centre: not checked yet</source>
        <translation>មជ្ឈមណ្ឌល៖ មិនទាន់ពិនិត្យ</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>មានអ៊ីនធឺណិត</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>គ្មានអ៊ីនធឺណិត</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 កំពុងរង់ចាំ</translation>
    </message>
    <message>
        <source>last sync: %1</source>
        <translation>សមកាលកម្មចុងក្រោយ៖ %1</translation>
    </message>
    <message>
        <source>No batch has been sent yet.</source>
        <translation>មិនទាន់មានបាច់ណាត្រូវបានផ្ញើនៅឡើយទេ។</translation>
    </message>
    <message>
        <source>Records of the batch sent %1</source>
        <translation>កំណត់ត្រានៃបាច់ដែលបានផ្ញើនៅ %1</translation>
    </message>
    <message>
        <source>Choose a batch to see its records.</source>
        <translation>សូមជ្រើសរើសបាច់មួយ ដើម្បីមើលកំណត់ត្រារបស់វា។</translation>
    </message>
    <message>
        <source>The branch policy is unchanged.</source>
        <translation>គោលការណ៍សាខាមិនមានការផ្លាស់ប្ដូរទេ។</translation>
    </message>
    <message>
        <source>The branch policy was saved.</source>
        <translation>គោលការណ៍សាខាត្រូវបានរក្សាទុកហើយ។</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>ស្ថានភាពធ្វើសមកាលកម្ម</translation>
    </message>
    <message>
        <source>Connect this branch to the CAM-IE centre</source>
        <translation>ភ្ជាប់សាខានេះទៅមជ្ឈមណ្ឌល CAM-IE</translation>
    </message>
    <message>
        <source>Enter the centre&apos;s address and the one-time enrolment code from the CAM-IE operator. Then compare the key fingerprint shown here with the one the operator reads to you.</source>
        <translation>បញ្ចូលអាសយដ្ឋានមជ្ឈមណ្ឌល និងលេខកូដចុះឈ្មោះប្រើតែម្ដង ដែលទទួលបានពីប្រតិបត្តិករ CAM-IE។ បន្ទាប់មក ប្រៀបធៀបស្នាមម្រាមដៃសោដែលបង្ហាញនៅទីនេះ ជាមួយនឹងស្នាមដែលប្រតិបត្តិករអានប្រាប់អ្នក។</translation>
    </message>
    <message>
        <source>Centre address</source>
        <translation>អាសយដ្ឋានមជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>លេខកូដចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>Centre&apos;s CA certificate (optional)</source>
        <translation>វិញ្ញាបនបត្រ CA របស់មជ្ឈមណ្ឌល (ស្រេចចិត្ត)</translation>
    </message>
    <message>
        <source>the computer&apos;s trusted authorities</source>
        <translation>អាជ្ញាធរដែលកុំព្យូទ័រនេះទុកចិត្ត</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>ជ្រើសរើស…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>ភ្ជាប់</translation>
    </message>
    <message>
        <source>Registrations and the centre</source>
        <translation>ការចុះឈ្មោះ និងមជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>មជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>ស្នាមម្រាមដៃនៃសោ</translation>
    </message>
    <message>
        <source>Key valid until</source>
        <translation>សោមានសុពលភាពរហូតដល់</translation>
    </message>
    <message>
        <source>Oldest record waiting since</source>
        <translation>កំណត់ត្រាចាស់បំផុតរង់ចាំតាំងពី</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>សមកាលកម្មជោគជ័យចុងក្រោយ</translation>
    </message>
    <message>
        <source>Next automatic sync</source>
        <translation>សមកាលកម្មស្វ័យប្រវត្តិលើកក្រោយ</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>បញ្ហាចុងក្រោយ</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>ធ្វើសមកាលកម្មឥឡូវ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Batch history</source>
        <translation>ប្រវត្តិបាច់</translation>
    </message>
    <message>
        <source>Branch policy</source>
        <translation>គោលការណ៍សាខា</translation>
    </message>
    <message>
        <source>When the branch is at risk, this page and the status bar say so. Choose when, and whether a manager checks registrations before they are sent.</source>
        <translation>នៅពេលសាខាមានហានិភ័យ ទំព័រនេះ និងរបារស្ថានភាពនឹងជូនដំណឹង។ សូមកំណត់ពេលដែលត្រូវព្រមាន និងថាតើអ្នកគ្រប់គ្រងត្រូវពិនិត្យការចុះឈ្មោះមុនពេលផ្ញើឬអត់។</translation>
    </message>
    <message>
        <source>A manager reviews each registration before it is sent to the centre</source>
        <translation>អ្នកគ្រប់គ្រងពិនិត្យការចុះឈ្មោះនីមួយៗ មុនពេលផ្ញើទៅមជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>Warn after this many days without a sync</source>
        <translation>ព្រមាន នៅពេលគ្មានការធ្វើសមកាលកម្មអស់ចំនួនថ្ងៃនេះ</translation>
    </message>
    <message>
        <source>Warn when more registrations than this wait</source>
        <translation>ព្រមាន នៅពេលការចុះឈ្មោះដែលកំពុងរង់ចាំមានច្រើនជាងចំនួននេះ</translation>
    </message>
    <message>
        <source>Save policy</source>
        <translation>រក្សាទុកគោលការណ៍</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>មិនទាន់ភ្ជាប់</translation>
    </message>
    <message>
        <source>never</source>
        <translation>មិនដែល</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>កំពុងរង់ចាំ</translation>
    </message>
    <message>
        <source>Sent, no answer yet</source>
        <translation>បានផ្ញើ មិនទាន់មានចម្លើយ</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>បានទទួលយក</translation>
    </message>
    <message>
        <source>Probable duplicate</source>
        <translation>ប្រហែលជាស្ទួន</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>ត្រូវបានបដិសេធ</translation>
    </message>
    <message>
        <source>Needs correction</source>
        <translation>ត្រូវការកែតម្រូវ</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>សេចក្តីព្រាង</translation>
    </message>
    <message>
        <source>Held for review</source>
        <translation>រង់ចាំការពិនិត្យ</translation>
    </message>
    <message>
        <source>Returned to the teller</source>
        <translation>បានប្រគល់ត្រឡប់ទៅបេឡាករ</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>បានដកចេញ</translation>
    </message>
    <message>
        <source>The centre could not be reached. Registrations stay safe here and are sent later.</source>
        <translation>មិនអាចទាក់ទងមជ្ឈមណ្ឌលបានទេ។ ការចុះឈ្មោះនៅមានសុវត្ថិភាពនៅទីនេះ ហើយនឹងត្រូវផ្ញើនៅពេលក្រោយ។</translation>
    </message>
    <message>
        <source>The centre&apos;s certificate is not trusted. Nothing was sent. Call IT support to check the address.</source>
        <translation>វិញ្ញាបនបត្ររបស់មជ្ឈមណ្ឌលមិនគួរទុកចិត្តទេ។ គ្មានអ្វីត្រូវបានផ្ញើទេ។ សូមទូរសព្ទទៅផ្នែកគាំទ្រ IT ដើម្បីពិនិត្យអាសយដ្ឋាន។</translation>
    </message>
    <message>
        <source>The centre&apos;s CA certificate file cannot be read. Choose it again, or call IT support.</source>
        <translation>មិនអាចអានឯកសារវិញ្ញាបនបត្រ CA របស់មជ្ឈមណ្ឌលបានទេ។ សូមជ្រើសរើសវាម្ដងទៀត ឬទូរសព្ទទៅផ្នែកគាំទ្រ IT។</translation>
    </message>
    <message>
        <source>The centre&apos;s address must start with https:// (http only for this computer).</source>
        <translation>អាសយដ្ឋានមជ្ឈមណ្ឌលត្រូវតែចាប់ផ្ដើមដោយ https:// (http សម្រាប់តែកុំព្យូទ័រនេះប៉ុណ្ណោះ)។</translation>
    </message>
    <message>
        <source>The centre does not accept this computer any more. Enrol it again with a new code.</source>
        <translation>មជ្ឈមណ្ឌលលែងទទួលយកកុំព្យូទ័រនេះទៀតហើយ។ សូមចុះឈ្មោះវាម្ដងទៀតដោយលេខកូដថ្មី។</translation>
    </message>
    <message>
        <source>The centre did not accept this enrolment code. Ask the CAM-IE operator for a new one.</source>
        <translation>មជ្ឈមណ្ឌលមិនទទួលយកលេខកូដចុះឈ្មោះនេះទេ។ សូមស្នើលេខកូដថ្មីពីប្រតិបត្តិករ CAM-IE។</translation>
    </message>
    <message>
        <source>This branch is not connected to the CAM-IE centre yet.</source>
        <translation>សាខានេះមិនទាន់បានភ្ជាប់ទៅមជ្ឈមណ្ឌល CAM-IE នៅឡើយទេ។</translation>
    </message>
    <message>
        <source>Sync stopped because of a problem (%1). Registrations stay safe here.</source>
        <translation>សមកាលកម្មបានឈប់ដោយសារបញ្ហា (%1)។ ការចុះឈ្មោះនៅមានសុវត្ថិភាពនៅទីនេះ។</translation>
    </message>
    <message>
        <source>(since %1)</source>
        <translation>(តាំងពី %1)</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 នាទី</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 ម៉ោង</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 ថ្ងៃ</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (%2 មុន)</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 បៃ</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>No successful sync for %1 days (since %2). Check the internet connection, then press Sync now.</source>
        <translation>គ្មានការធ្វើសមកាលកម្មជោគជ័យអស់រយៈពេល %1 ថ្ងៃហើយ (តាំងពី %2)។ សូមពិនិត្យការតភ្ជាប់អ៊ីនធឺណិត រួចចុច “ធ្វើសមកាលកម្មឥឡូវ”។</translation>
    </message>
    <message>
        <source>%1 registrations are waiting to be sent (the branch&apos;s limit is %2). Sync soon.</source>
        <translation>ការចុះឈ្មោះចំនួន %1 កំពុងរង់ចាំផ្ញើ (កម្រិតរបស់សាខាគឺ %2)។ សូមធ្វើសមកាលកម្មឱ្យបានឆាប់។</translation>
    </message>
    <message>
        <source>The centre&apos;s key has expired. Sync now so the branch receives the new key, or call IT support.</source>
        <translation>សោរបស់មជ្ឈមណ្ឌលបានផុតកំណត់ហើយ។ សូមធ្វើសមកាលកម្មឥឡូវនេះ ដើម្បីឱ្យសាខាទទួលបានសោថ្មី ឬទូរស័ព្ទទៅផ្នែកគាំទ្រ IT។</translation>
    </message>
    <message>
        <source>The centre&apos;s key expires in %1 days (%2). Sync now so the branch receives the new key.</source>
        <translation>សោរបស់មជ្ឈមណ្ឌលនឹងផុតកំណត់ក្នុងរយៈពេល %1 ថ្ងៃទៀត (%2)។ សូមធ្វើសមកាលកម្មឥឡូវនេះ ដើម្បីឱ្យសាខាទទួលបានសោថ្មី។</translation>
    </message>
    <message>
        <source>The disk is nearly full: %1 free (%2 %). Free some space or call IT support before registrations cannot be saved.</source>
        <translation>ថាសជិតពេញហើយ៖ នៅសល់ទំហំទំនេរ %1 (%2 %)។ សូមបង្កើនទំហំទំនេរ ឬទូរស័ព្ទទៅផ្នែកគាំទ្រ IT មុនពេលការចុះឈ្មោះមិនអាចរក្សាទុកបាន។</translation>
    </message>
    <message>
        <source>Not taken by the centre (%1); its records were sent again</source>
        <translation>មជ្ឈមណ្ឌលមិនបានទទួល (%1)៖ កំណត់ត្រារបស់វាត្រូវបានផ្ញើម្ដងទៀត</translation>
    </message>
    <message>
        <source>%1 accepted</source>
        <translation>បានទទួលយក %1</translation>
    </message>
    <message>
        <source>%1 probable duplicates</source>
        <translation>ប្រហែលជាស្ទួន %1</translation>
    </message>
    <message>
        <source>%1 rejected or to correct</source>
        <translation>បដិសេធ ឬត្រូវកែតម្រូវ %1</translation>
    </message>
    <message>
        <source>no sync for %1 days</source>
        <translation>គ្មានសមកាលកម្ម %1 ថ្ងៃ</translation>
    </message>
    <message>
        <source>too many waiting</source>
        <translation>រង់ចាំច្រើនពេក</translation>
    </message>
    <message>
        <source>centre key expired</source>
        <translation>សោមជ្ឈមណ្ឌលផុតកំណត់</translation>
    </message>
    <message>
        <source>centre key expires in %1 days</source>
        <translation>សោមជ្ឈមណ្ឌលផុតកំណត់ក្នុង %1 ថ្ងៃទៀត</translation>
    </message>
    <message>
        <source>disk nearly full</source>
        <translation>ថាសជិតពេញ</translation>
    </message>
    <message>
        <source>%1 probable duplicate</source>
        <translation>%1 ទំនងជាស្ទួន</translation>
    </message>
    <message>
        <source>%1 sent back</source>
        <translation>%1 បានបញ្ជូនត្រឡប់</translation>
    </message>
    <message>
        <source>no decisions received</source>
        <translation>មិនបានទទួលការសម្រេចណាមួយទេ</translation>
    </message>
    <message>
        <source>1 decision received</source>
        <translation>បានទទួលការសម្រេច 1</translation>
    </message>
    <message>
        <source>%1 decisions received</source>
        <translation>បានទទួលការសម្រេច %1</translation>
    </message>
    <message>
        <source>From the centre: %1: %2</source>
        <translation>ពីមជ្ឈមណ្ឌល៖ %1៖ %2</translation>
    </message>
    <message>
        <source>Sync finished: sent %1, %2: %3.</source>
        <translation>ការធ្វើសមកាលកម្មបានបញ្ចប់៖ បានផ្ញើ %1, %2៖ %3។</translation>
    </message>
    <message>
        <source>Sync finished: sent %1, %2.</source>
        <translation>ការធ្វើសមកាលកម្មបានបញ្ចប់៖ បានផ្ញើ %1, %2។</translation>
    </message>
    <message>
        <source>Enter the centre&apos;s address and the enrolment code.</source>
        <translation>សូមបញ្ចូលអាសយដ្ឋានមជ្ឈមណ្ឌល និងលេខកូដចុះឈ្មោះ។</translation>
    </message>
    <message>
        <source>Connected. Check that the centre&apos;s key fingerprint is %1.</source>
        <translation>បានភ្ជាប់ហើយ។ សូមពិនិត្យថាស្នាមម្រាមដៃសោរបស់មជ្ឈមណ្ឌលគឺ %1។</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>New registration</source>
        <translation>ចុះឈ្មោះថ្មី</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>ការចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>Branch home</source>
        <translation>ទំព័រដើមសាខា</translation>
    </message>
    <message>
        <source>My desk</source>
        <translation>តុរបស់ខ្ញុំ</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>ស្ថានភាពធ្វើសមកាលកម្ម</translation>
    </message>
    <message>
        <source>Rejections and review</source>
        <translation>ការបដិសេធ និងការពិនិត្យ</translation>
    </message>
    <message>
        <source>Sent back to me</source>
        <translation>ផ្ញើត្រឡប់មកខ្ញុំវិញ</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>គណនី</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>សូចនាករ</translation>
    </message>
    <message>
        <source>%1, %2 new</source>
        <extracomment>Ctrl+1 … Ctrl+9 open the first nine pages of the navigation. Moves the focus between the navigation and the page (as in browsers and office programs).</extracomment>
        <translation>%1, ថ្មី %2</translation>
    </message>
    <message>
        <source>F6 moves between this list and the page.</source>
        <translation>F6 ផ្លាស់ទីរវាងបញ្ជីនេះ និងទំព័រ។</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>កំណត់ហេតុសវនកម្ម</translation>
    </message>
</context>
</TS>
