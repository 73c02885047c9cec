-- owner: record
-- Issue 14: an entry of the record says what it says in the reader's language. Its summary holds a
-- message key and arguments (EntryText: the key, then each argument after chr(31), U+001F; an argument that is
-- itself a message key starts with chr(30), U+001E) instead of a Chinese sentence. The sentences written before
-- are turned into that form here, by the wording each source used; the source's own words (an address,
-- a post, a work log) become the argument. What is not recognised becomes record.entry.text with the
-- sentence as its argument, and reads as before.

-- room for a key before the words (a new entry's text is still at most 500 characters)
alter table record_entry alter column summary set data type varchar(600);

-- 入户排查：<address>（无人在家） first, then 入户排查：<address>
update record_entry set summary = 'record.entry.VISIT_MADE.nobodyHome' || chr(31)
        || substring(summary from 6 for char_length(summary) - 11)
    where kind = 'VISIT_MADE' and summary like '入户排查：%（无人在家）';
update record_entry set summary = 'record.entry.VISIT_MADE' || chr(31) || substring(summary from 6)
    where kind = 'VISIT_MADE' and summary like '入户排查：%';

-- 到岗：<post or region>[（duty）], 离岗：<post or region>[（reason）]: the detail stays in the argument
update record_entry set summary = 'record.entry.DEPLOYMENT_STARTED' || chr(31) || substring(summary from 4)
    where kind = 'DEPLOYMENT_STARTED' and summary like '到岗：%';
update record_entry set summary = 'record.entry.DEPLOYMENT_ENDED' || chr(31) || substring(summary from 4)
    where kind = 'DEPLOYMENT_ENDED' and summary like '离岗：%';

-- 下沉督导（四看）：<target>
update record_entry set summary = 'record.entry.INSPECTION_MADE' || chr(31) || substring(summary from 10)
    where kind = 'INSPECTION_MADE' and summary like '下沉督导（四看）：%';

-- 整改销号：<item>（逾期） first, then 整改销号：<item>
update record_entry set summary = 'record.entry.RECTIFICATION_CLOSED.late' || chr(31)
        || substring(summary from 6 for char_length(summary) - 9)
    where kind = 'RECTIFICATION_CLOSED' and summary like '整改销号：%（逾期）';
update record_entry set summary = 'record.entry.RECTIFICATION_CLOSED' || chr(31) || substring(summary from 6)
    where kind = 'RECTIFICATION_CLOSED' and summary like '整改销号：%';

-- 隔离人员每日联系（<channel>，已联系|未联系上）
update record_entry set summary =
        case when summary like '%未联系上）' then 'record.entry.ISOLATION_CONTACT.unreached'
             else 'record.entry.ISOLATION_CONTACT.reached' end
        || chr(31) || chr(30)
        || case when summary like '隔离人员每日联系（视频，%' then 'isolation.channel.VIDEO'
                when summary like '隔离人员每日联系（上门，%' then 'isolation.channel.VISIT'
                else 'isolation.channel.PHONE' end
    where kind = 'ISOLATION_CONTACT' and summary like '隔离人员每日联系（%';

-- 为隔离人员送达：<need>
update record_entry set summary = 'record.entry.NEED_DELIVERED' || chr(31) || substring(summary from 9)
    where kind = 'NEED_DELIVERED' and summary like '为隔离人员送达：%';

-- 请战获批：<where>, 加入<team>
update record_entry set summary = 'record.entry.BATTLE_REQUEST_ACCEPTED' || chr(31) || substring(summary from 6)
    where kind = 'BATTLE_REQUEST_ACCEPTED' and summary like '请战获批：%';
update record_entry set summary = 'record.entry.TEAM_JOINED' || chr(31) || substring(summary from 3)
    where kind = 'TEAM_JOINED' and summary like '加入%';

-- 解决社区短缺：<item> <quantity>
update record_entry set summary = 'record.entry.SHORTAGE_RESOLVED' || chr(31) || substring(summary from 8)
    where kind = 'SHORTAGE_RESOLVED' and summary like '解决社区短缺：%';

-- 驻村第一书记返岗：<village>
update record_entry set summary = 'record.entry.FIRST_SECRETARY_RETURNED' || chr(31) || substring(summary from 10)
    where kind = 'FIRST_SECRETARY_RETURNED' and summary like '驻村第一书记返岗：%';

-- 工作纪实：<text>
update record_entry set summary = 'record.entry.WORK_LOG' || chr(31) || substring(summary from 6)
    where kind = 'WORK_LOG' and summary like '工作纪实：%';

-- 问责：<kind>（<level>）<detail>: the kind's Chinese name is 2 or 4 characters, the level's 2
update record_entry set summary = 'record.entry.ACCOUNTABILITY'
        || chr(31) || chr(30) || 'record.accountability.kind.'
        || case substring(summary from 4 for 4)
               when '提醒谈话' then 'REMINDER_TALK' when '通报批评' then 'CRITICISM'
               when '党纪处分' then 'PARTY_DISCIPLINE' else 'GOVERNMENT_SANCTION' end
        || chr(31) || chr(30) || 'record.accountability.level.'
        || case substring(summary from 9 for 2) when '市级' then 'CITY' when '县级' then 'COUNTY' else 'TOWNSHIP' end
        || chr(31) || substring(summary from 12)
    where kind = 'ACCOUNTABILITY' and (summary like '问责：提醒谈话（%' or summary like '问责：通报批评（%'
        or summary like '问责：党纪处分（%' or summary like '问责：政务处分（%');
update record_entry set summary = 'record.entry.ACCOUNTABILITY'
        || chr(31) || chr(30) || 'record.accountability.kind.'
        || case substring(summary from 4 for 2) when '诫勉' then 'ADMONISHMENT' else 'DISMISSAL' end
        || chr(31) || chr(30) || 'record.accountability.level.'
        || case substring(summary from 7 for 2) when '市级' then 'CITY' when '县级' then 'COUNTY' else 'TOWNSHIP' end
        || chr(31) || substring(summary from 10)
    where kind = 'ACCOUNTABILITY' and (summary like '问责：诫勉（%' or summary like '问责：免职（%');

-- anything else reads as it was written
update record_entry set summary = 'record.entry.text' || chr(31) || summary
    where summary not like 'record.entry.%';
