// The most common passwords (about 1 500 after expansion), refused when a password is set
// (OWASP ASVS 6.2.4). Built from the published top lists of international leaks and of the large
// Chinese ones (CSDN, 天涯, 12306, 163): repeated digits, keyboard runs, 我爱你 (woaini / 5201314),
// QQ numbers, pinyin surnames followed by digits. Compared case-insensitively.

const LISTED = `
123456 12345 123456789 password iloveyou princess 1234567 rockyou 12345678 abc123 nicole daniel
babygirl monkey lovely jessica 654321 michael ashley qwerty 111111 iloveu 000000 michelle tigger
sunshine chocolate password1 soccer anthony friends butterfly purple angel jordan liverpool justin
loveme fuckyou 123123 football secret andrea carlos jennifer joshua bubbles 1234567890 superman
hannah amanda loveyou pretty basketball andrew angels tweety flower playboy hello elizabeth hottie
tinkerbell charlie samantha barbie chelsea lovers teamo jasmine brandon 666666 shadow melissa eminem
matthew robert danielle forever family jonathan 987654321 computer whatever dragon vanessa cookie
naruto summer sweety spongebob joseph junior softball taylor yellow daniela lauren mickey princesa
alexandra alexis jesus estrella miguel william thomas beautiful mylove angela poohbear patrick
iloveme sakura adrian alexander destiny christian 121212 sayang america dancer monica richard 112233
princess1 555555 diamond carolina steven rangers louise orange 789456 999999 shorty 11111 nathan
snoopy gabriel hunter cherry killer sandra alejandro buster george brittany alejandra patricia
rachel tequiero 7777777 cheese 159753 arsenal dolphin antonio heather david ginger stephanie peanut
blink182 sweetie 222222 beauty 987654 victoria honey 00000 fernando pokemon maggie corazon chicken
pepper cristina rainbow kisses manuel myspace rebelde angel1 ricardo babygurl heaven 55555 baseball
martin greenday november alyssa madison mother 123321 123abc mahalkita batman september december
morgan mariposa maria gabriela iloveyou2 bailey jeremy pamela kimberly gemini shannon pictures
asshole sophie jessie hellokitty claudia babygirl1 angelica austin mahalko victor horses tiffany
mariana eduardo andres courtney booboo kissme harley ronaldo iloveyou1 precious october inuyasha
peaches veronica chris 888888 adriana cutie james banana prince friend jesus1 crystal celtic zxcvbnm
edward oliver diana samsung freedom angelo kenneth master scooby carmen 456789 sebastian rebecca
jackie spiderman christopher karina johnny hotmail 0123456789 school barcelona august orlando samuel
cameron slipknot cutiepie monkey1 50cent bonita kevin bitch maganda babyboy casper brenda adidas
kitten karen mustang isabel natalie cuteako javier 789456123 123654 sarah bowwow portugal laura
777777 marvin denise tigers volleyball jasper rockstar january fuckoff alicia nicholas flowers
cristian tintin bianca chrisbrown chester 101010 smokey silver internet sweet strawberry garfield
dennis panget francis cassie benfica love123 696969 asdfgh lollipop olivia cancer camila qwertyuiop
superstar harrypotter ihateyou charles monique midnight vincent christine apples scorpio jordan23
lorena andreea mercedes katherine charmed abigail rafael icecream mexico brianna nirvana aaliyah
pookie johncena lovelove fucker abcdef benjamin 131313 gangsta brooke 333333 hiphop aaaaaa mybaby
sergio welcome metallica julian travis myspace1 babyblue sabrina michael1 jeffrey stephen love
dakota catherine badboy fernanda westlife blondie sasuke smiley jackson simple melanie steaua
dolphins roberto fluffy teresa piglet ronald slideshow asdfghjkl minnie newyork jason raymond
santiago jayson 88888888 5201314 jerome gandako muffin gatita babyko 246810 sweetheart chivas
ladybug kitty popcorn alberto valeria cookies leslie jenny nicole1 12345678910 leonardo jayjay
liliana dexter sexygirl 232323 amores rockon christ babydoll anthony1 marcus bitch1 fatima miamor
lover chris1 single eeyore lalala 252525 scooter natasha skittles brooklyn colombia 159357 teddybear
winnie happy manutd 123456a britney katrina christina pasaway cocacola mahal grace linda albert
tatiana london cantik 0123456 lakers marie teiubesc 147258369 charlotte natalia francisco amorcito
smile paola angelito manchester hahaha elephant mommy1 shelby 147258 kelsey genesis amigos snickers
xavier turtle marlon linkinpark claire stupid 147852 marina garcia fuckyou1 diego brandy letmein
hockey 444444 sharon bonnie spider iverson andrei justine frankie pimpin disney rabbit 54321 fashion
soccer1 red123 bestfriend england hermosa 456123 qazwsx bandit danny allison emily 102030 lucky
sporting miranda dallas hearts camille wilson potter pumpkin iloveu2 number1 katie guitar 212121
truelove jayden savannah hottie1 phoenix monster player ganda people scotland nelson jasmin timothy
onelove ilovehim shakira estrellita bubble smiles brandon1 sparky barney sweets parola evelyn
familia love12 nikki motorola florida omarion monkeys loverboy elijah joanna canada ronnie mamita
emmanuel thunder 999999999 broken rodrigo maryjane westside california lucky1 mauricio yankees
jamaica justin1 amigas preciosa shopping flores mariah matrix isabella tennis trinity lorenzo
jessica1 trustno1 starwars sunshine1 football1 baseball1 superman1 batman1 dragon1 master1 shadow1
whatever1 welcome1 welcome123 iloveyou123 princess123 monkey123 letmein1 letmein123 trustno1
qwerty123 qwerty1 qwerty12 qwerty1234 qwertyu qwertyui 1qaz2wsx 1qazxsw2 1qaz2wsx3edc zaq12wsx
zaq1zaq1 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y q1w2e3r4 q1w2e3r4t5 1q2w3e 2wsx3edc 3edc4rfv qazwsx123
qazwsxedc qweasd qweasdzxc qweasd123 asdfghjk asdf1234 asdfasdf asdasdasd asd123 asd123456 zxc123
zxcvbn zxcv1234 zxcvbnm123 1234qwer qwer1234 qwe123 qwe123456 123qwe 123qweasd 123qweasdzxc
abcd1234 abc12345 abc123456 abc123123 a1b2c3d4 a1b2c3 1a2b3c4d aa123456 aa112233 ab123456
passw0rd p@ssw0rd p@ssword pa55word password12 password123 password1234 password! 1password
pass123 pass1234 passpass passwd admin admin123 admin1234 admin888 admin666 administrator root
toor guest test test123 test1234 testtest changeme changeme123 default secret123 letmein! iloveyou!
11111111 00000000 12341234 87654321 12121212 11223344 12344321 123123123 123321123 1234554321
123456654321 123456123456 1234512345 0987654321 9876543210 147852369 741852963 963852741 321321321
789789789 456456456 159159159 258258258 369369369 147147147 112233445566 111222333 123454321
aaaaaaaa zzzzzzzz qqqqqqqq wwwwwwww abcdefgh abcdefg abcdefg123 abcdefgh123 iloveyou1314
woaini woaini1314 woaini520 woaini521 woaini123 woaini123456 woaini1 woaini12 woaini5201314
woainima woaiwojia woaiwoma woaini1234 woaiwoziji woaizhongguo aini1314 aini520 aini5201314
wo123456 ni123456 wodemima woshishui wobuzhidao mima mima123 mima123456 mimamima nihao nihao123
nihao123456 baobao baobei baobei520 baobei1314 laopo520 laogong520 laopo1314 laogong1314 xiaobao
xiaoming xiaohong xiaoqiang xiaoyu xiaofeng xiaolong zhangwei wangwei wangfang liwei lina liuyang
caonima caonima123 sb123456 qq123456 qq123456789 qq5201314 qq1234 qq520 qq111111 qq666666
qq888888 qq000000 qq112233 qq123123 qqqqqq qq123 q123456 q1234567 q12345678 a123456 a1234567
a12345678 a123456789 a123123 a111111 a000000 a5201314 a123456a a112233 a666666 a888888 z123456
w123456 s123456 l123456 x123456 y123456 zz123456 abc520 1314520 5201314520 520520 520520520 521521
1314521 5211314 13145200 52013140 5201314a 521314 520131 521125 7758521 7758258 584520 3344520
3344521 1314258 520888 1314woaini 13141314 1314 5200 52005200 520000 1314000 131420 110110
110110110 120120120 119119119 112112112 911911 100200 100200300 1122334455 147258 258369 369369
159357 741852 852456 7894561230 1472583690 3692581470 123654789 123698745 987456321 147896325
321654987 963258741 12qwaszx 1qaz1qaz 2wsx2wsx 1qazxsw23edc 12345qwert 12345qwe 123456qq 123456aa
123456abc 123456qwe 123456789a 123456789q 123456789qq 123456789abc 0123456 01234567 012345678
1234567a 12345678a 12345a 1234abcd 1234asdf 12345abc 168168 16881688 168888 518518 888666 888999
666888 999888 168168168 666999 88888 8888888 888888888 66666666 666666666 6666666 9999999 99999999
55555555 5555555 77777777 33333333 44444444 22222222 1111111 111111111 1111111111 0000000
000000000 0000000000 dearbook 31415926 3.1415926 314159 31415 taobao taobao123 baidu baidu123
sina123 sohu123 wangyi 163163 126126 163com qqcom sina.com 123456.com 123456qwerty 100100 101101
121121 131131 141141 151151 171171 181181 191191 123000 321000 520123 521123 zhongguo zhongguo123
china china123 chinese beijing beijing2008 shanghai shenzhen guangzhou hangzhou nanjing suzhou
wuzhong jiangsu aoyun2008 abcabc abcabc123 woshiniba wocaonima tiantian tianshi tiankong kuaile
kuaile123 xingfu xingfu123 pingan pingan123 fendou jiayou yongyuan yiqiwan haoren meinv shuaige
aaa111 aaa123 aaa123456 aaa111111 abc111 abc888 abc666 1234560 12345600 12345611 123456789123
123456798 123465 132456 213546 987654 98765432 1357924680 13579 135790 1357913579 2468024680 246810
`;

/** Pinyin surnames and stems that people put in front of digits (wang123456, zhang888). */
const STEMS = [
  'wang', 'zhang', 'li', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu',
  'hu', 'guo', 'he', 'lin', 'luo', 'gao', 'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng',
  'cao', 'peng', 'zeng', 'xiao', 'tian', 'dong', 'pan', 'yuan', 'cai', 'jiang', 'yu', 'du', 'ye', 'cheng',
  'wei', 'su', 'lu', 'ding', 'ren', 'shen', 'yao', 'qq', 'abc', 'woaini', 'aini', 'love', 'pass', 'admin',
];
const SUFFIXES = ['123', '1234', '12345', '123456', '888', '666', '520', '1314', '5201314', '000', '111', '123123'];

function expand(): Set<string> {
  const set = new Set(LISTED.split(/\s+/).filter(Boolean));
  for (const stem of STEMS) for (const s of SUFFIXES) set.add(stem + s);
  // Every digit repeated (00000000 … 999999999999) and runs of ascending / descending digits.
  for (let d = 0; d <= 9; d++) for (let n = 6; n <= 12; n++) set.add(String(d).repeat(n));
  const up = '01234567890123456789';
  const down = '98765432109876543210';
  for (let start = 0; start < 10; start++) {
    for (let n = 6; n <= 10; n++) {
      set.add(up.slice(start, start + n));
      set.add(down.slice(start, start + n));
    }
  }
  // Birthdays are common too, but there are too many to list: years alone and doubled years.
  for (let y = 1950; y <= 2030; y++) set.add(`${y}${y}`);
  return set;
}

let common: Set<string> | null = null;

export function isCommonPassword(password: string): boolean {
  common ??= expand();
  return common.has(password.toLowerCase());
}

/** For tests and documentation: how many passwords the list refuses. */
export function commonPasswordCount(): number {
  common ??= expand();
  return common.size;
}
