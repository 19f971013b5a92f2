#!/usr/bin/env python3
"""Reference values for readout's metrics, computed independently of the Go code.

Python 3 standard library only (no SciPy or R is reachable on the build machines). Where the Go
code uses gonum's distributions, this uses other routes: the chi-square(1) tail through erfc,
Clopper-Pearson bounds through exact binomial sums solved by bisection, Student's t quantiles
from published tables. Run: python3 metrics/testdata/reference.py > metrics/testdata/reference.txt
"""
import math

def table(a, b, nt, nr):
    c, d, n = nt - a, nr - b, nt + nr
    return c, d, n, (a+b)*(a+c)/n, (a+b)*(b+d)/n, (c+d)*(a+c)/n, (c+d)*(b+d)/n

def g2(a, b, nt, nr):
    if a + b == 0:
        return 0.0
    c, d, n, e11, e12, e21, e22 = table(a, b, nt, nr)
    s = sum(o * math.log(o / e) for o, e in ((a, e11), (b, e12), (c, e21), (d, e22)) if o > 0)
    return (1 if a >= e11 else -1) * 2 * s

def chi2(a, b, nt, nr):
    c, d, n, e11, e12, e21, e22 = table(a, b, nt, nr)
    delta = 0.5 if min(e11, e12, e21, e22) < 5 and abs(a*d - b*c) >= n/2 else 0.0
    x = n * (abs(a*d - b*c) - n*delta)**2 / ((a+b)*(c+d)*(a+c)*(b+d))
    return (1 if a >= e11 else -1) * x

def logratio(a, b, nt, nr):
    a = a or 0.5
    b = b or 0.5
    return math.log2((a/nt) / (b/nr))

def p_chi1(x):
    # P(chi2_1 >= x) = erfc(sqrt(x/2))
    return math.erfc(math.sqrt(abs(x) / 2))

def binom_ge(k, n, p):
    return sum(math.comb(n, i) * p**i * (1-p)**(n-i) for i in range(k, n+1))

def binom_le(k, n, p):
    return sum(math.comb(n, i) * p**i * (1-p)**(n-i) for i in range(0, k+1))

def bisect(f, lo=0.0, hi=1.0):
    # f increasing in p, find root
    for _ in range(200):
        mid = (lo + hi) / 2
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2

def lrc(a, b, nt, nr, conf=0.95, tests=1):
    n = a + b
    alpha = (1 - conf) / 2 / tests
    if a/nt > b/nr:
        if a == 0:
            return 0.0
        L = bisect(lambda p: binom_ge(a, n, p) - alpha)  # P(X>=a) increases with p
        return max(0.0, math.log2(nr/nt * L/(1-L)))
    if a == n:
        return 0.0
    U = bisect(lambda p: alpha - binom_le(a, n, p))  # P(X<=a) decreases with p
    return min(0.0, math.log2(nr/nt * U/(1-U)))

def bh(ps):
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])
    out = [0.0]*m
    run = 1.0
    for r in range(m-1, -1, -1):
        i = order[r]
        run = min(run, min(1.0, ps[i]*m/(r+1)))
        out[i] = run
    return out

def kendall_tau_b(x, y):
    n = len(x); nc = nd = tx = ty = 0
    for i in range(n):
        for j in range(i+1, n):
            dx, dy = x[j]-x[i], y[j]-y[i]
            if dx == 0 and dy == 0: tx += 1; ty += 1
            elif dx == 0: tx += 1
            elif dy == 0: ty += 1
            elif (dx > 0) == (dy > 0): nc += 1
            else: nd += 1
    n0 = n*(n-1)/2
    return (nc - nd) / math.sqrt((n0-tx)*(n0-ty))

T975 = {1: 12.706204736174705, 3: 3.182446305284263}  # R: qt(0.975, df)

def ols(x, y):
    n = len(x); mx = sum(x)/n; my = sum(y)/n
    sxx = sum((v-mx)**2 for v in x); sxy = sum((x[i]-mx)*(y[i]-my) for i in range(n))
    b = sxy/sxx; a = my - b*mx
    rss = sum((y[i]-a-b*x[i])**2 for i in range(n))
    se = math.sqrt(rss/(n-2)/sxx)
    t = T975[n-2]
    return a, b, b - t*se, b + t*se

def jsd2(p, q):
    sp, sq = sum(p.values()), sum(q.values())
    out = 0.0
    for k in set(p) | set(q):
        a, b = p.get(k, 0)/sp, q.get(k, 0)/sq
        m = (a+b)/2
        if a: out += a*math.log2(a/m)/2
        if b: out += b*math.log2(b/m)/2
    return out

def cosine_tfidf(docs):
    D = len(docs); df = {}
    for d in docs:
        for t in d: df[t] = df.get(t, 0) + 1
    w = [{t: c*(math.log((1+D)/(1+df[t]))+1) for t, c in d.items()} for d in docs]
    def cos(x, y):
        return sum(v*y.get(t, 0) for t, v in x.items()) / (math.sqrt(sum(v*v for v in x.values()))*math.sqrt(sum(v*v for v in y.values())))
    return w, cos

def mattr(words, w):
    if len(words) <= w:
        return len(set(words))/len(words)
    return sum(len(set(words[i:i+w]))/w for i in range(len(words)-w+1)) / (len(words)-w+1)

if __name__ == "__main__":
    cases = [(5, 1, 839, 552), (1, 5, 552, 839), (10, 0, 1000, 1000), (0, 7, 500, 2000), (3, 3, 400, 400),
             (120, 40, 50000, 60000), (2, 30, 1000, 900)]
    print("# a b nt nr | g2 chi2 logratio lrc(conf .95, tests 1) lrc(tests 20) p(g2)")
    for a, b, nt, nr in cases:
        print(a, b, nt, nr, "|", repr(g2(a,b,nt,nr)), repr(chi2(a,b,nt,nr)), repr(logratio(a,b,nt,nr)),
              repr(lrc(a,b,nt,nr)), repr(lrc(a,b,nt,nr,tests=20)), repr(p_chi1(g2(a,b,nt,nr))))
    ps = [0.01, 0.04, 0.03, 0.005, 0.5]
    print("# bh", ps, [repr(v) for v in bh(ps)])
    x = [2020, 2022, 2022.5, 2023, 2023.75]; y = [9.0, 4.5, 2.0, 0.0, 2.25]
    print("# kendall tau-b", repr(kendall_tau_b(x, y)), "ties:", repr(kendall_tau_b([1,2,3,4],[1,1,2,2])))
    print("# ols a b lo hi", [repr(v) for v in ols(x, y)])
    print("# ols 3 points", [repr(v) for v in ols([2020, 2022, 2023], [9.058, 4.06, 1.19])])
    p = {"a": 3, "b": 1}; q = {"b": 2, "c": 2}
    print("# jsd2", repr(jsd2(p, q)))
    docs = [{"x": 2, "y": 1}, {"x": 1, "z": 3}, {"y": 2, "z": 1}]
    w, cos = cosine_tfidf(docs)
    print("# cosine tfidf 0-1 0-2 1-2", repr(cos(w[0], w[1])), repr(cos(w[0], w[2])), repr(cos(w[1], w[2])))
    # Seed corpus, keyness of 2023 (826 words: 838 before the photo caption of 2023-03-21-moscow was
    # recognised as page furniture) against 2020 (551 words), 121 terms tested (--all-words):
    # the terms دولي (12 against 2: الدولي، الدولية …), نووي (9 against 0) and بعض (0 against 6), as `readout keyness`
    # counts them since its term keys keep the nisba (until 2026-12-04, with Snowball stems, 116
    # terms, and the stem دول counted الدول and الدولي together, 17 against 1).
    for a, b in ((12, 2), (9, 0), (0, 6)):
        print("# seed", a, b, repr(g2(a, b, 826, 551)), repr(chi2(a, b, 826, 551)), repr(logratio(a, b, 826, 551)),
              repr(lrc(a, b, 826, 551, tests=121)), repr(lrc(a, b, 826, 551)), repr(p_chi1(g2(a, b, 826, 551))))
    words = "a b a c b d a e f a".split()
    print("# mattr w=4", repr(mattr(words, 4)), "ttr", repr(len(set(words))/len(words)))
