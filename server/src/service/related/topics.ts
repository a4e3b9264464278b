// The topic lexicon: what a 街道 or 镇 does, each topic with the words plans use for it. Written from
// the duties of a sub-district office and a town government (党的建设, 经济服务, 城市管理, 平安建设,
// 社会治理, 民生服务, and for towns 乡村振兴 and 农业) and the vocabulary of their plans and reports,
// not from any plan of the test material. Reviewed like code: a term belongs here only if a measure
// that uses it is about that topic whatever its province; a word every plan uses in passing (发展,
// 服务, 建设, 治理, 平台) would link everything to everything and stays out.
//
// Terms are Simplified, as matching normalises text (normalize.ts); a term matches as a substring, so a
// short one must not occur inside unrelated words (养老 is safe, 老 is not) nor across two words
// (召开|工作 holds 开工, 守护|好人民 holds 好人, 协调|处置 holds 调处). A set phrase that holds a
// term and means something else is listed where it belongs, as the longest term wins (干事创业 is
// about cadres, not jobs); a word many plans use in passing (以…为载体, 公益课程) is listed only in the
// phrases that make it topical (产业载体, 载体招商, 公益组织; 产业 in a town's 产业振兴, 产业化, 产业项目,
// not in a 产业融合沙龙). A statistical figure is the economy's performance whatever its sector (工业产值,
// 限上零售额: 经济运行, not 产业发展 or 商业消费), and a group an office serves belongs to that office's topic
// (就业困难人员: the job centre's, not relief).

export interface Topic {
  /** Stable key, for tests and data. */
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly terms: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  // 经济服务 Economy
  {
    id: 'investment',
    zh: '招商引资',
    en: 'investment promotion',
    terms: ['招商', '引资', '双招双引', '招商引智', '以商招商', '招引', '招大引强', '引进企业', '引进项目', '项目引进', '签约项目', '投资促进', '企业落户', '落地项目', '首店', '招才引智'],
  },
  {
    id: 'business-environment',
    zh: '营商环境',
    en: 'business environment',
    terms: ['营商', '助企纾困', '纾困', '安商稳商', '安商', '稳商', '服务企业', '企业服务', '惠企', '涉企', '政企', '政商', '亲商', '走访企业', '企业诉求', '企业家', '服务专员', '留商', '宜商', '优商', '护商', '亲清', '减税降费', '企业融资', '银企对接', '民营经济', '市场主体', '个体工商户'],
  },
  {
    id: 'economic-indicators',
    zh: '经济运行',
    en: 'economic performance',
    terms: ['经济运行', '经济指标', '经济发展', '经济实力', '经济增长', '稳增长', '经济质效', '经济高质量发展', '税收', '财政收入', '一般公共预算', '固定资产投资', '社会消费品零售', '规上', '规模以上', '经济普查', '统计工作', '地区生产总值', '营业收入', '纳统', '产值', '营收', '外资', '外贸', '进出口', '限上', '生产总值', 'gdp', '增加值', '税源', '亩均', '纳税', '工业产值', '工业总产值', '工业增加值', '工业投资', '营利性服务业', '零售额', '销售额', '营业额'],
  },
  {
    id: 'industry',
    zh: '产业发展',
    en: 'industrial development',
    // 产业 alone is said of any business event: a town's industry work is named by 产业振兴, 产业化, 产业项目, …,
    // and its farming built up as an industry (现代农业, 农业品牌, 林下经济) is here; farming duties are 农业生产's.
    terms: ['产业链', '产业集群', '产业结构', '主导产业', '特色产业', '新兴产业', '战略性新兴', '数字经济', '在线经济', '总部经济', '产业升级', '转型升级', '制造业', '工业', '企业培育', '产业生态', '实体经济', '新质生产力', '服务业', '产业发展', '产业化', '产业振兴', '产业兴旺', '产业项目', '产业基地', '龙头企业', '一二三产', '三产融合', '乡村产业', '富民产业', '支柱产业', '农业产业', '现代农业', '特色农业', '农业品牌', '农产品加工', '林下经济'],
  },
  {
    id: 'buildings-parks',
    zh: '楼宇园区',
    en: 'office buildings and business parks',
    terms: ['楼宇', '商务楼', '园区', '产业园', '产业载体', '载体招商', '招商载体', '闲置载体', '商务载体', '闲置物业', '空置', '存量物业', '厂房', '物业盘活', '写字楼'],
  },
  {
    id: 'innovation',
    zh: '科技创新',
    en: 'innovation and start-ups',
    terms: ['科创', '双创', '创新创业', '孵化', '众创', '高新技术', '高企', '专精特新', '科技企业', '科技园', '成果转化', '知识产权', '研发', '创新策源', '独角兽', '瞪羚', '产学研', '科技型', '创客'],
  },
  {
    id: 'commerce',
    zh: '商业消费',
    en: 'commerce and consumption',
    terms: ['商圈', '消费', '夜经济', '夜间经济', '商业街', '步行街', '市集', '老字号', '商业综合体', '电商', '电子商务', '直播带货', '商贸', '零售', '餐饮业'],
  },
  {
    id: 'culture-tourism',
    zh: '文旅融合',
    en: 'culture and tourism',
    terms: ['文旅', '旅游', '文商旅', '景区', '民宿', '游客', '研学', '农文旅', '全域旅游', '打卡', '网红'],
  },
  {
    id: 'projects',
    zh: '重点项目',
    en: 'key projects',
    terms: ['重点项目', '重大项目', '项目建设', '项目推进', '开工建设', '新开工', '开工率', '竣工', '投产', '项目落地', '项目储备', '专项债', '重点工程', '重大工程'],
  },
  {
    id: 'land-expropriation',
    zh: '征收拆迁',
    en: 'land expropriation and relocation',
    terms: ['征收', '征地', '拆迁', '动迁', '征迁', '土地收储', '腾退', '安置房', '违法用地', '宅基地'],
  },

  // 城市建设与管理 City
  {
    id: 'urban-renewal',
    zh: '城市更新',
    en: 'urban renewal',
    terms: ['城市更新', '旧改', '旧区改造', '老旧小区', '城中村', '加装电梯', '电梯加装', '精品小区', '美丽家园', '旧住房', '成套改造', '棚改', '棚户区', '微更新', '住房修缮', '小区改造', '危旧房', '风貌', '宜居', '安居', '危房', '房屋修缮', '旧村改造', '完整社区', '城市体检'],
  },
  {
    id: 'city-appearance',
    zh: '市容环境',
    en: 'city appearance',
    terms: ['市容', '城市管理', '城管', '违法建筑', '违建', '拆违', '占道', '乱堆', '乱搭', '街面', '背街小巷', '环境整治', '精细化管理', '美丽街区', '店招', '户外广告', '架空线', '环卫', '保洁', '门责', '五违', '街巷', '门前三包', '小广告', '脏乱差', '卫生死角', '环境综合整治', '乱摆', '乱贴', '清扫'],
  },
  {
    id: 'traffic-parking',
    zh: '交通停车',
    en: 'traffic and parking',
    terms: ['停车', '车位', '交通秩序', '交通拥堵', '道路交通', '慢行', '共享单车', '非机动车', '公交', '交通安全'],
  },
  {
    id: 'infrastructure',
    zh: '基础设施',
    en: 'infrastructure',
    terms: ['基础设施', '道路建设', '道路改造', '道路硬化', '公路', '桥梁', '路灯', '供水', '饮水', '管网', '水利', '排水', '雨污', '燃气管', '电网', '通信基站', '天然气', '水电气'],
  },
  {
    id: 'waste-sorting',
    zh: '垃圾分类',
    en: 'waste sorting',
    terms: ['垃圾分类', '生活垃圾', '湿垃圾', '干垃圾', '厨余', '可回收物', '两网融合', '定时定点', '垃圾减量', '垃圾清运', '垃圾处理', '建筑垃圾', '大件垃圾', '垃圾'],
  },
  {
    id: 'pollution',
    zh: '污染防治',
    en: 'pollution control',
    terms: ['污染防治', '污染', '环保', '生态环境', '大气治理', '空气质量', '扬尘', '蓝天', '噪音', '噪声', '油烟', '环境保护', '环保督察', '秸秆', '减排', '低碳', '碳达峰', '节能', '生态文明', '生态保护', '绿色发展', '碳中和'],
  },
  {
    id: 'water',
    zh: '河湖治理',
    en: 'rivers and water',
    terms: ['河长', '湖长', '河道', '河湖', '水环境', '黑臭', '水质', '治水', '水体', '碧水', '水生态', '污水', '截污', '湿地', '水源'],
  },
  {
    id: 'greening',
    zh: '绿化林业',
    en: 'greening and forestry',
    terms: ['林长', '绿化', '造林', '植树', '绿地', '口袋公园', '公园', '森林', '林业', '生态修复', '社区花园', '古树', '园林', '护林'],
  },

  // 平安建设与应急 Safety and order
  {
    id: 'public-security',
    zh: '平安建设',
    en: 'public security',
    terms: ['平安建设', '平安', '综治', '综合治理', '治安', '扫黑除恶', '群防群治', '雪亮工程', '技防', '社会稳定', '维稳', '警务', '派出所', '公安', '治保', '重点人群', '刑事', '犯罪', '社会大局', '和谐稳定', '安全稳定', '巡逻', '安置帮教', '社区矫正', '见义勇为', '重点人员'],
  },
  {
    id: 'fraud-drugs',
    zh: '反诈禁毒',
    en: 'anti-fraud and anti-drug',
    terms: ['反诈', '诈骗', '禁毒', '毒品', '涉毒', '黄赌毒', '非法集资', '金融风险', '传销', '赌博'],
  },
  {
    id: 'disputes',
    zh: '矛盾纠纷',
    en: 'disputes and petitions',
    terms: ['矛盾', '纠纷', '信访', '调解', '访调', '枫桥', '来访', '积案', '接访', '调处化解', '解纷', '三所联动', '心理疏导', '上访'],
  },
  {
    id: 'hotline',
    zh: '12345热线',
    en: 'the 12345 hotline',
    terms: ['12345', '热线', '工单', '接诉即办', '诉求办理', '首办', '办结率', '满意率', '市长信箱', '未诉先办'],
  },
  {
    id: 'work-safety',
    zh: '安全生产',
    en: 'work safety',
    terms: ['安全生产', '隐患排查', '安全隐患', '隐患整治', '安全检查', '燃气安全', '危化品', '危险化学品', '有限空间', '自建房', '安全监管', '特种设备', '建筑工地', '事故', '安全责任', '公共安全', '燃气', '隐患', '九小场所'],
  },
  {
    id: 'fire-safety',
    zh: '消防安全',
    en: 'fire safety',
    terms: ['消防', '火灾', '防火', '电动自行车', '电瓶车', '飞线充电', '充电桩', '充电设施', '烟感', '灭火', '报警器', '微型消防站', '电动车', '三合一'],
  },
  {
    id: 'emergency',
    zh: '应急管理',
    en: 'emergencies and disasters',
    terms: ['应急', '防汛', '防台', '防灾', '减灾', '抢险', '救灾', '地质灾害', '预案', '演练', '汛期', '地震', '避难'],
  },
  {
    id: 'epidemic',
    zh: '疫情防控',
    en: 'epidemic control',
    terms: ['疫情', '核酸', '疫苗', '新冠', '流调', '隔离', '闭环管控', '常态化防控', '防疫'],
  },
  {
    id: 'market-regulation',
    zh: '市场监管',
    en: 'market and food safety',
    terms: ['食品安全', '市场监管', '药品安全', '食药', '价格监管', '消费者权益', '无证经营', '质量安全'],
  },
  {
    id: 'rental-population',
    zh: '出租房屋与人口',
    en: 'rented housing and population',
    terms: ['出租房', '群租', '租赁', '流动人口', '实有人口', '来沪人员', '外来人口', '人口管理', '人口普查', '出租屋', '外来务工', '新市民'],
  },

  // 社会治理 Community governance
  {
    id: 'grid',
    zh: '网格化治理',
    en: 'grid management',
    terms: ['网格', '一网统管', '城运', '城市运行', '街巷长'],
  },
  {
    id: 'digital',
    zh: '数字治理',
    en: 'digital governance',
    terms: ['数字化', '数字治理', '智慧', '信息化', '大数据', '数据平台', '数字孪生', '应用场景', '数据共享', '小程序', '数智', '智能化', '数字赋能', '智治'],
  },
  {
    id: 'government-services',
    zh: '政务服务',
    en: 'government services',
    terms: ['政务服务', '一网通办', '事务受理', '受理中心', '便民服务中心', '帮办', '代办', '审批', '放管服', '最多跑一次', '高效办成一件事', '就近办', '网上办'],
  },
  {
    id: 'rule-of-law',
    zh: '法治建设',
    en: 'rule of law',
    terms: ['法治', '依法行政', '普法', '法律', '法制', '律师', '法律援助', '合法性审查', '执法', '行政复议', '行政诉讼', '法治文化', '依法治', '司法所'],
  },
  {
    id: 'property',
    zh: '物业管理',
    en: 'property management',
    terms: ['物业', '业委会', '业主委员会', '业主大会', '三驾马车', '维修资金', '红色物业', '物管', '业主', '维修基金'],
  },
  {
    id: 'self-governance',
    zh: '居民自治',
    en: 'residents\' self-governance',
    terms: ['自治', '共治', '居委会', '居民区', '村委会', '睦邻', '楼组', '社区营造', '共建共治共享', '自治金', '村规民约', '居民公约', '社区规划', '村民自治', '微治理', '楼栋长'],
  },
  {
    id: 'consultation',
    zh: '协商议事',
    en: 'consultation and people\'s proposals',
    terms: ['人民建议', '议事', '协商', '听证', '民主恳谈', '人大代表', '代表之家', '联络站', '政协委员', '全过程人民民主', '民意', '人大', '政协', '民主决策'],
  },
  {
    id: 'social-organizations',
    zh: '社会组织与社工',
    en: 'social organisations and social work',
    terms: ['社会组织', '社工', '社会工作', '公益组织', '公益机构', '公益伙伴', '公益基金', '基金会', '社区基金', '五社联动', '公益创投', '社会力量', '枢纽型'],
  },

  // 民生服务 People's livelihood
  {
    id: 'elderly',
    zh: '为老服务',
    en: 'care for the elderly',
    terms: ['养老', '为老', '老年', '老人', '助餐', '长者', '医养结合', '居家养老', '日间照料', '长护险', '适老', '敬老', '银发', '老龄', '高龄', '独居', '孤老', '幸福院', '助老', '护理站', '银龄', '失能', '认知障碍', '老有所'],
  },
  {
    id: 'children',
    zh: '儿童与托育',
    en: 'childcare and minors',
    terms: ['托育', '托幼', '托班', '婴幼儿', '儿童', '未成年人', '未保', '青少年', '少儿', '暑托', '妇儿', '留守', '家庭教育', '课后服务', '宝宝屋', '母婴', '幼有所育', '四点半'],
  },
  {
    id: 'education',
    zh: '教育',
    en: 'education',
    terms: ['教育资源', '教育事业', '教育质量', '教育均衡', '义务教育', '学前教育', '社区教育', '职业教育', '学校', '校园', '办学', '师资', '幼儿园', '控辍保学', '学位', '社区学校', '终身学习', '老年大学', '家校', '双减', '中小学', '学有所教'],
  },
  {
    id: 'employment',
    zh: '就业',
    en: 'employment',
    terms: ['就业', '创业', '失业', '招聘', '岗位', '职业技能', '技能培训', '稳岗', '零工', '劳务', '用工', '毕业生', '职业介绍', '欠薪', '劳动保障', '劳动关系', '公益性岗位', '求职', '就业困难', '就业援助'],
  },
  {
    id: 'social-insurance',
    zh: '社会保险',
    en: 'social insurance',
    terms: ['社保', '医保', '养老保险', '医疗保险', '参保', '社会保险', '城乡居民保险', '养老金', '退休人员'],
  },
  {
    id: 'assistance',
    zh: '社会救助',
    en: 'social assistance',
    terms: ['救助', '低保', '特困', '困难群众', '困难家庭', '困难人员', '兜底', '帮困', '慈善', '送温暖', '临时救助', '帮扶对象', '孤儿', '低收入', '困境', '救济', '精准帮扶'],
  },
  {
    id: 'disability',
    zh: '助残',
    en: 'people with disabilities',
    terms: ['残疾', '助残', '残联', '阳光家园', '康复', '无障碍', '残障'],
  },
  {
    id: 'veterans',
    zh: '退役军人',
    en: 'veterans and the military',
    terms: ['退役军人', '双拥', '拥军', '优抚', '军属', '征兵', '兵役', '国防动员', '民兵', '武装部', '人民武装', '军人', '退役', '国防教育', '人民防空'],
  },
  {
    id: 'health',
    zh: '卫生健康',
    en: 'health',
    terms: ['卫生健康', '健康服务', '健康促进', '健康教育', '居民健康', '全民健康', '健康城市', '健康社区', '医疗', '家庭医生', '卫生服务中心', '卫生院', '爱国卫生', '慢病', '公共卫生', '病媒', '控烟', '献血', '计划生育', '生育', '医院', '诊所', '义诊', '卫健', '体检', '慢性病', '传染病', '健康档案', '健康管理', '心理健康', '卫生室', '医共体', '妇幼', '爱卫', '医务', '医护', '疾控'],
  },
  {
    id: 'housing',
    zh: '住房保障',
    en: 'housing support',
    terms: ['保障性住房', '保障房', '公租房', '廉租', '住房保障', '人才公寓', '租赁住房'],
  },
  {
    id: 'livelihood-projects',
    zh: '民生实事',
    en: 'livelihood projects',
    terms: ['民生实事', '实事项目', '民心工程', '办实事', '惠民', '民生工程', '急难愁盼', '民生项目'],
  },
  {
    id: 'life-circle',
    zh: '社区生活圈',
    en: 'neighbourhood services',
    terms: ['生活圈', '一刻钟', '15分钟', '便民', '家门口', '邻里中心', '社区食堂', '菜场', '早餐', '邻里汇', '嵌入式', '社区服务', '菜市场', '便利店', '家政'],
  },
  {
    id: 'culture',
    zh: '文化',
    en: 'culture',
    terms: ['文化', '文艺', '文体', '图书馆', '非遗', '文物', '历史风貌', '阅读', '书香', '演出', '汇演', '文化站', '博物馆', '电影', '文化惠民', '书屋', '广场舞'],
  },
  {
    id: 'sports',
    zh: '全民健身',
    en: 'sports and fitness',
    terms: ['全民健身', '体育', '健身', '运动会', '马拉松', '球场', '体育赛事', '足球', '篮球'],
  },
  {
    id: 'civility',
    zh: '文明创建与志愿服务',
    en: 'civility and volunteering',
    terms: ['文明城市', '文明创建', '创城', '创文', '志愿', '文明实践', '移风易俗', '道德', '好人好事', '身边好人', '文明行为', '精神文明', '文明单位', '文明家庭', '文明新风', '新风尚', '殡葬', '公墓', '散埋乱葬', '红白喜事', '陈规陋习', '核心价值观', '文明城区', '文明社区'],
  },
  {
    id: 'publicity',
    zh: '宣传思想',
    en: 'publicity and ideology',
    terms: ['宣传思想', '宣传工作', '新闻宣传', '意识形态', '舆论', '舆情', '融媒体', '新媒体', '网信', '网络安全', '理论宣讲', '宣讲', '网络文明'],
  },

  // 党的建设 Party building
  {
    id: 'party-theory',
    zh: '理论学习',
    en: 'political theory study',
    terms: ['理论学习', '理论武装', '中心组', '第一议题', '主题教育', '党史', '学习教育', '思想政治', '政治建设', '三会一课', '党纪学习', '读书班', '思想建设', '政治理论', '创新理论', '学习强国'],
  },
  {
    id: 'party-organization',
    zh: '基层党组织',
    en: 'grassroots party organisations',
    terms: ['党的建设', '基层党建', '党建工作', '基层党组织', '党支部', '党组织', '组织建设', '党员教育', '党员管理', '发展党员', '战斗堡垒', '先锋', '党员队伍', '支部建设', '换届', '两委', '党小组', '流动党员', '党员先锋', '两个覆盖', '入党积极分子', '党建指导员', '软弱涣散', '主题党日', '组织生活', '党务', '基层组织', '支部'],
  },
  {
    id: 'party-coalition',
    zh: '区域化党建',
    en: 'regional party-building alliances',
    terms: ['区域化党建', '党建联建', '联建', '共建单位', '党建联盟', '双报到', '在职党员', '结对共建', '党群服务', '红色阵地', '党建品牌'],
  },
  {
    id: 'new-sector-party',
    zh: '两新党建',
    en: 'party building in new sectors',
    terms: ['两新', '非公企业', '新兴领域', '楼宇党建', '商圈党建', '园区党建', '新就业群体', '快递员', '外卖', '骑手', '小哥', '行业党建', '两企三新', '新就业', '快递', '网约'],
  },
  {
    id: 'discipline',
    zh: '党风廉政',
    en: 'party discipline and integrity',
    terms: ['从严治党', '党风', '廉政', '廉洁', '反腐', '纪检', '监察', '纪律', '正风肃纪', '四风', '八项规定', '巡察', '监督执纪', '警示教育', '清廉', '一岗双责', '形式主义', '官僚主义', '作风', '廉洁文化', '腐败', '问责', '纪法', '违纪', '纪委', '政治监督', '日常监督', '小微权力', '以案促改', '廉政风险', '不正之风'],
  },
  {
    id: 'cadres',
    zh: '干部队伍',
    en: 'cadres and talent',
    terms: ['干部队伍', '年轻干部', '干部培训', '干部考核', '后备干部', '选人用人', '人才队伍', '社区工作者', '居民区书记', '队伍建设', '书记工作室', '干部教育', '干部管理', '班子建设', '领导班子', '干事创业', '人才引进', '引才', '人才工作', '担当作为', '容错纠错', '公务员', '挂职'],
  },
  {
    id: 'united-front',
    zh: '统一战线',
    en: 'united front',
    terms: ['统战', '统一战线', '民族团结', '少数民族', '民族宗教', '宗教', '侨', '港澳台', '新阶层', '新的社会阶层', '民主党派', '无党派', '非公经济人士', '商会', '工商联'],
  },
  {
    id: 'mass-organizations',
    zh: '群团工作',
    en: 'trade unions, youth and women\'s federations',
    terms: ['工会', '共青团', '团委', '妇联', '群团', '职工', '青年之家', '妇女之家', '关工委', '巾帼', '妇女', '团员', '少先队'],
  },
  {
    id: 'office-management',
    zh: '机关与财务管理',
    en: 'office, budget and assets',
    terms: ['预算', '财务', '资产管理', '国有资产', '政府采购', '内部控制', '内控', '审计', '档案', '保密', '督查督办', '机关建设', '三公经费', '债务'],
  },

  // 乡村 Towns and townships
  {
    id: 'rural-revitalization',
    zh: '乡村振兴',
    en: 'rural revitalisation',
    terms: ['乡村振兴', '美丽乡村', '和美乡村', '宜居宜业', '村庄', '三农', '农村', '乡村', '村级', '驻村', '乡风', '村民', '农房'],
  },
  {
    id: 'agriculture',
    zh: '农业生产',
    en: 'agriculture',
    terms: ['农业', '粮食', '耕地', '种植', '养殖', '农田', '合作社', '家庭农场', '农产品', '水稻', '茶叶', '果园', '蔬菜', '畜牧', '水产', '农机', '撂荒', '菜篮子', '米袋子', '种业', '农民增收', '农资', '动物防疫', '春耕', '非粮化'],
  },
  {
    id: 'rural-living',
    zh: '农村人居环境',
    en: 'rural living environment',
    terms: ['人居环境', '厕所革命', '改厕', '村容村貌', '庭院', '农村污水', '垃圾治理', '三清', '户厕'],
  },
  {
    id: 'poverty',
    zh: '巩固脱贫',
    en: 'poverty alleviation',
    terms: ['脱贫', '扶贫', '返贫', '对口支援', '对口帮扶', '东西部协作', '消费帮扶', '易地搬迁', '对口协作'],
  },
  {
    id: 'collective-economy',
    zh: '集体经济',
    en: 'collective economy',
    terms: ['集体经济', '三资', '村集体', '集体资产', '清产核资', '股份经济合作社', '经济合作社', '集体收入'],
  },
];

