// Words of government prose that any plan uses whatever its topic: the verbs of plan writing
// (加强, 推进, 落实, 夯实, 召开), its adverbs (全面, 扎实, 始终), its nouns (工作, 机制, 水平) and
// figures (亿元, 同比, 完成, and counters such as 次, 家).
// Written from what every work plan and report says, in any province, not from any plan of the
// labelled pairs. Why a list: in a corpus of a few plans inverse document frequency cannot tell
// that 夯实 or 召开 is common in plans at large, and then such a word outweighs the topical ones
// of a long paragraph. Hovers never show them as shared terms: they say nothing about why two
// measures belong together. The ranking weighs a question's generic words down
// (RankingWeights.generic), never to nothing: at half, chosen on the tuning half of the labelled pairs.
//
// Reviewed like code: a word belongs here only if a measure that uses it may be on any topic. A
// word of the topic lexicon (topics.ts) never is (a test checks). A word is one or two characters:
// outside the lexicon the scan makes no term of a longer run, only its bigrams (terms.ts), so an
// entry such as 高质量发展 or 新时代 would never match. Lone characters are figures'
// counters only; other lone characters often carry a topic (商, 老, 残). Simplified forms:
// matching normalises text first (normalize.ts).

export const GENERIC_WORDS: readonly string[] = [
  // Figures and how plans report them
  '亿元', '万元', '亿', '万', '元', '万人', '人次', '次', '个', '家', '项', '名', '件', '场', '余', '户', '率', '额', '第',
  '同比', '环比', '增长', '增幅', '下降', '累计', '完成', '实现', '达到', '超过', '以上', '全年', '年度', '年初', '年底',
  '全区', '全市', '全县', '全镇', '全街', '排名', '位居', '预期',
  // Verbs of plan writing
  '推进', '推动', '加强', '加快', '加大', '提升', '提高', '增强', '强化', '深化', '优化', '完善', '健全', '建立', '构建',
  '打造', '激发', '开展', '召开', '举办', '做好', '抓好', '抓实', '做实', '做细', '做优', '做强', '做大', '确保',
  '坚持', '围绕', '聚焦', '着力', '聚力', '发挥', '实施', '促进', '落实', '夯实', '统筹', '整合', '探索', '规范', '形成',
  '取得', '开创', '贯彻', '落细', '用好', '发力', '攻坚', '突破', '推广', '带动', '扩大', '巩固', '拓展', '提供', '引导',
  '助力', '赋能', '引领', '进行', '制定', '明确', '注重', '努力', '争取',
  // Adverbs and connectives
  '全面', '积极', '不断', '持续', '扎实', '有效', '切实', '认真', '充分', '稳步', '逐步', '大力', '全力', '始终',
  '坚决', '牢牢', '紧紧', '有力', '有序', '强劲', '显著', '明显', '良好', '同时', '通过', '以及', '其中', '分别', '各项',
  // Nouns of plan prose
  '工作', '任务', '目标', '指标', '要求', '机制', '体系', '制度', '能力', '水平', '作用', '力量', '质量', '成效', '效能',
  '成果', '举措', '措施', '方面', '领域', '重点', '主要', '重要', '基础', '格局', '局面', '品质', '品牌', '特色', '亮点',
  '示范', '模式', '路径', '服务', '建设', '发展', '项目', '工程', '活动', '会议', '高效', '精准', '创新', '实效', '水准',
  '理念',
];
