"""Common Korean surnames: general knowledge used to tell a reporter's name
("오세은 기자") from other words that can stand before 기자 ("사진 기자", "취재 기자").

Rare surnames that are also everyday syllables at the start of words (사, 시,
상, 기, 경, 부, 대, 수, 영 …) are left out on purpose: a byline
with such a rare surname is missed, but "사진기자" is never read as a person.
"""
from __future__ import annotations

SURNAMES: frozenset[str] = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 림 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 "
    "남 심 노 하 곽 성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 함 변 염 여 추 도 소 석 선 설 "
    "마 길 연 위 표 명 반 라 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 봉 가 복 태 목 형 계 "
    "피 두 감 음 빈 동 온 호 범 좌 팽 승 간 갈 단 견 당 화 창 옹 순 빙 종 풍 류 려 로 뢰 룡 "
    "현 탄".split()
)

COMPOUND_SURNAMES: frozenset[str] = frozenset(
    "남궁 황보 제갈 사공 선우 서문 독고 동방 어금 망절 소봉".split()
)


def looks_like_name(word: str) -> bool:
    """True for 2–4 Hangul syllables that start with a common surname."""
    if not 2 <= len(word) <= 4 or not all("\uac00" <= ch <= "\ud7a3" for ch in word):
        return False
    if word[:2] in COMPOUND_SURNAMES and len(word) >= 3:
        return True
    return word[0] in SURNAMES
