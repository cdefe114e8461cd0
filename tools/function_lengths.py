"""Functions of a Rust source tree longer than a limit: python tools/function_lengths.py src/facts 60"""
import re,sys,pathlib
res=[]
for p in pathlib.Path(sys.argv[1]).rglob('*.rs'):
    lines=p.read_text().split('\n')
    i=0
    while i<len(lines):
        l=lines[i]
        m=re.match(r'\s*(pub(\([a-z]+\))? )?(const )?fn (\w+)',l)
        if m and not l.rstrip().endswith(';'):
            ind=len(l)-len(l.lstrip())
            j=i+1
            while j<len(lines) and not (lines[j].startswith(' '*ind+'}') and len(lines[j])-len(lines[j].lstrip())==ind):
                j+=1
            res.append((j-i+1,str(p),m.group(4),i+1))
        i+=1
res.sort(reverse=True)
for r in res:
    if r[0]>int(sys.argv[2]): print(*r)
