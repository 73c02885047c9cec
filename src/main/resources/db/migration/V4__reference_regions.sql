-- Reference data: 130900 沧州市 and its 16 county-level divisions (GB/T 2260).
insert into region (code, name, region_level, parent_id, path) values ('130900', '沧州市', 'CITY', null, '/130900/');
insert into region (code, name, region_level, parent_id, path)
select v.code, v.name, 'COUNTY', c.id, '/130900/' || v.code || '/'
from region c,
     (values ('130902', '新华区'), ('130903', '运河区'), ('130921', '沧县'), ('130922', '青县'),
             ('130923', '东光县'), ('130924', '海兴县'), ('130925', '盐山县'), ('130926', '肃宁县'),
             ('130927', '南皮县'), ('130928', '吴桥县'), ('130929', '献县'), ('130930', '孟村回族自治县'),
             ('130981', '泊头市'), ('130982', '任丘市'), ('130983', '黄骅市'), ('130984', '河间市')) as v (code, name)
where c.code = '130900';
