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
        <source>Account created.</source>
        <translation>បានបង្កើតគណនី។</translation>
    </message>
    <message>
        <source>Password changed. Give the new password to the account&apos;s owner.</source>
        <translation>បានប្ដូរពាក្យសម្ងាត់។ សូមប្រគល់ពាក្យសម្ងាត់ថ្មីទៅម្ចាស់គណនី។</translation>
    </message>
    <message>
        <source>Disable the account %1? It will no longer be able to sign in.</source>
        <translation>បិទគណនី %1? គណនីនេះនឹងមិនអាចចូលបានទៀតទេ។</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>បិទគណនី</translation>
    </message>
    <message>
        <source>Account disabled.</source>
        <translation>បានបិទគណនី។</translation>
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
    <name>Capture</name>
    <message>
        <source>Required</source>
        <translation>ត្រូវបំពេញ</translation>
    </message>
    <message>
        <source>CAM-IE centre: %1</source>
        <translation>មជ្ឈមណ្ឌល CAM-IE៖ %1</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ឆ្នាំ-ខែ-ថ្ងៃ</translation>
    </message>
    <message>
        <source>Type to search…</source>
        <translation>វាយដើម្បីស្វែងរក…</translation>
    </message>
    <message>
        <source>Read the answers back to the owner. To change one, go back to its page (Page Up) or choose Edit.</source>
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
        <source>New registration</source>
        <translation>ចុះឈ្មោះថ្មី</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ថយក្រោយ</translation>
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
        <source>%p % complete</source>
        <translation>បំពេញបាន %p %</translation>
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
        <translation>ការកែតម្រូវ %1</translation>
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
        <source>Centre&apos;s CA certificate</source>
        <translation>វិញ្ញាបនបត្រ CA របស់មជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>វិញ្ញាបនបត្រ (*.pem *.crt)</translation>
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
        <translation>ម្ចាស់អាជីវកម្ម</translation>
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
        <translation>ការកែតម្រូវ %1</translation>
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
        <translation>ម្ចាស់អាជីវកម្ម</translation>
    </message>
    <message>
        <source>What matches</source>
        <translation>អ្វីដែលដូចគ្នា</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>បានបញ្ជូន</translation>
    </message>
    <message>
        <source>Open the selected registration</source>
        <translation>បើកការចុះឈ្មោះដែលបានជ្រើស</translation>
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
        <translation>បានបញ្ជូនការចុះឈ្មោះ</translation>
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
        <source>Centre key fingerprint</source>
        <translation>ស្នាមម្រាមដៃសោមជ្ឈមណ្ឌល</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>សមកាលកម្មជោគជ័យចុងក្រោយ</translation>
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
        <source>Enter the centre&apos;s address and the enrolment code.</source>
        <translation>សូមបញ្ចូលអាសយដ្ឋានមជ្ឈមណ្ឌល និងលេខកូដចុះឈ្មោះ។</translation>
    </message>
    <message>
        <source>Connected. Check that the centre&apos;s key fingerprint is %1.</source>
        <translation>បានភ្ជាប់ហើយ។ សូមពិនិត្យថាស្នាមម្រាមដៃសោរបស់មជ្ឈមណ្ឌលគឺ %1។</translation>
    </message>
    <message>
        <source>Sync finished: %1 records sent.</source>
        <translation>សមកាលកម្មបានបញ្ចប់៖ បានផ្ញើកំណត់ត្រា %1។</translation>
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
        <source>Sync status</source>
        <translation>ស្ថានភាពធ្វើសមកាលកម្ម</translation>
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
        <source>Audit log</source>
        <translation>កំណត់ហេតុសវនកម្ម</translation>
    </message>
    <message>
        <source>Rejections and review</source>
        <translation>ការបដិសេធ និងការពិនិត្យ</translation>
    </message>
</context>
</TS>
